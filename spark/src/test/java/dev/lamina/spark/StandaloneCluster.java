package dev.lamina.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on the loopback interface: Spark's own {@code Master} and one
 * {@code Worker} (which launches executor JVMs), each a separate JVM started from this test's
 * class path (Spark's Maven Central jars). {@link #close} stops them and every JVM they started.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final int port;

    private StandaloneCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a master and a worker of {@code cores} cores; returns once the worker registered. */
    static StandaloneCluster start(Path dir, int cores) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(dir, freePort());
        int ui = freePort();
        try {
            cluster.launch("master", "org.apache.spark.deploy.master.Master",
                    "--host", LOOPBACK, "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(ui));
            cluster.launch("worker", "org.apache.spark.deploy.worker.Worker",
                    "--host", LOOPBACK, "--cores", String.valueOf(cores), "--memory", "3g",
                    "--webui-port", String.valueOf(freePort()), "--work-dir", dir.resolve("work").toString(),
                    cluster.url());
            // the master's status page (JSON) lists the worker once it registered
            cluster.await(URI.create("http://" + LOOPBACK + ":" + ui + "/json/"), "\"aliveworkers\" : 1");
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String url() {
        return "spark://" + LOOPBACK + ":" + port;
    }

    /** The executor JVMs the worker runs now (Spark's CoarseGrainedExecutorBackend). */
    List<ProcessHandle> executors() {
        return processes.stream().flatMap(Process::descendants)
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("CoarseGrainedExecutorBackend"))
                        .orElse(false))
                .toList();
    }

    /** The log of the process named {@code name}. */
    String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    private Path launch(String name, String mainClass, String... args) throws IOException {
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("lamina.spark.javaOptions").split(" ")));
        command.addAll(List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.getParent().toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", LOOPBACK);
        builder.environment().put("SPARK_LOG_DIR", dir.toString());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        processes.add(builder.start());
        return log;
    }

    private void await(URI status, String text) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String page = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (page.replaceAll("\\s+", " ").contains(text)) {
                    return;
                }
            } catch (IOException notYet) {
                // the master is not listening yet
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a Spark JVM ended while starting:\n" + log("master") + log("worker"));
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("no '" + text + "' at " + status + " in " + START.toSeconds() + " s:\n"
                + log("master") + log("worker"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    /** Kills the worker's executors, then the worker and the master; waits until they are gone. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
        }
        all.addAll(processes.stream().map(Process::toHandle).toList());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().completeOnTimeout(p, 20, TimeUnit.SECONDS).join();
        }
    }
}
