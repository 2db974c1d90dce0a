package dev.lamina.spark;

import dev.lamina.runtime.run.RunDirectory;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where a distributed sweep keeps its run directories: a Hadoop file system URI every executor
 * reaches. A {@code file:} URI (a local disk in local mode, or a mount every node shares) is
 * written in place, so a run retried on another executor continues from its last checkpoint. Any
 * other scheme ({@code hdfs:}, {@code s3a:}, ...) goes through Hadoop's {@link FileSystem}: a run
 * is trained in a local staging directory of its executor, fetched from the store first when the
 * store holds it, and uploaded when it ends, its saved model (the run's commit point) last.
 */
final class RunStore implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String root;
    /** The driver's Hadoop configuration (with its spark.hadoop.* settings), for other schemes. */
    private final Map<String, String> hadoop;

    private RunStore(String root, Map<String, String> hadoop) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.hadoop = hadoop;
    }

    static RunStore of(String uri, Configuration driver) {
        Map<String, String> conf = new LinkedHashMap<>();
        if (!isFile(URI.create(uri))) {
            driver.forEach(e -> conf.put(e.getKey(), e.getValue()));
        }
        return new RunStore(uri, conf);
    }

    private static boolean isFile(URI uri) {
        return uri.getScheme() == null || uri.getScheme().equals("file");
    }

    private URI uri(String run) {
        return URI.create(root).resolve(run);
    }

    /** What the driver prints. */
    String describe() {
        return root;
    }

    /** The local directory the run {@code name} trains in, holding what the store has of it. */
    Path open(String name) throws IOException {
        URI uri = uri(name);
        if (isFile(uri)) {
            return Path.of(uri.getScheme() == null ? URI.create("file://" + uri) : uri);
        }
        Path staging = Path.of(System.getProperty("java.io.tmpdir"), "lamina-spark-runs",
                Integer.toHexString(root.hashCode()), name);
        FileSystem fs = fileSystem(uri);
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
        if (fs.exists(remote) && !Files.exists(staging.resolve(RunDirectory.MODEL_DIR))) {
            Files.createDirectories(staging.getParent());
            fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(staging.getParent().toUri()), true);
        }
        Files.createDirectories(staging);
        return staging;
    }

    /** Stores the run {@code name} trained in {@code local} ({@link #open}); its model last. */
    void commit(String name, Path local) throws IOException {
        URI uri = uri(name);
        if (isFile(uri)) {
            return;
        }
        FileSystem fs = fileSystem(uri);
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
        fs.mkdirs(remote);
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(local)) {
            list.forEach(entries::add);
        }
        entries.sort((a, b) -> Boolean.compare(a.endsWith(RunDirectory.MODEL_DIR), b.endsWith(RunDirectory.MODEL_DIR)));
        for (Path entry : entries) {
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(entry.toUri()),
                    new org.apache.hadoop.fs.Path(remote, entry.getFileName().toString()));
        }
    }

    private FileSystem fileSystem(URI uri) {
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        try {
            return FileSystem.get(uri, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the run store " + root + ": " + e.getMessage(), e);
        }
    }
}
