package dev.lamina.spark;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.translate.TranslateException;
import dev.lamina.examples.cli.DistributedPredict;
import dev.lamina.examples.cli.LaminaCli;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetException;
import dev.lamina.runtime.data.image.ImageConversion;
import dev.lamina.runtime.model.LaminaModel;
import dev.lamina.runtime.model.SavedModelInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code lamina predict --spark}: a saved model's top-k classes for every image of folders or
 * manifests, as a Spark job. The driver lists the images (a folder recursively, in name order; a
 * manifest's lines) and splits them into partitions; each executor loads the model once (a JVM
 * keeps it for every task it runs), converts each image as {@code lamina predict} does and
 * predicts in batches. Every image is one row ({@code path}, {@code classes}, {@code
 * probabilities}, {@code error}): an image that cannot be read or does not fit the model is a row
 * with its reason, never a failed job. The rows go to {@code <out>/parquet} (arrays) and {@code
 * <out>/csv} ({@code class_1, probability_1, ...}).
 */
public final class SparkPrediction implements DistributedPredict {
    /** Output folders under {@code --out}. */
    static final String PARQUET = "parquet", CSV = "csv";

    private static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("classes", DataTypes.createArrayType(DataTypes.StringType), true)
            .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType), true)
            .add("error", DataTypes.StringType, true);

    /** Models loaded in this JVM, by model directory: one per executor, shared by its tasks. */
    private static final Map<String, LaminaModel> MODELS = new ConcurrentHashMap<>();

    @Override
    public int run(Request request, PrintStream out) throws IOException {
        if (request.out() == null) {
            throw new InvalidInputException("--spark: give --out DIR, the directory (or Hadoop URI) the"
                    + " predictions go to (" + PARQUET + "/ and " + CSV + "/ in it)");
        }
        if (request.topK() < 1 || request.batchSize() < 1) {
            throw new InvalidInputException("--top-k and --batch-size must be at least 1");
        }
        ImageConversion.Resize resize = request.resize() == null ? null : ImageConversion.Resize.parse(request.resize());
        Job job = new Job(uri(request.modelDir()).toString(), request.topK(), request.batchSize(), resize);
        SavedModelInfo info = LaminaModel.readInfo(job.localModel());
        URI target = directory(uri(request.out()));
        FileSystem outFs = FileSystem.get(target, new Configuration());
        if (outFs.exists(new org.apache.hadoop.fs.Path(target.resolve(PARQUET)))
                || outFs.exists(new org.apache.hadoop.fs.Path(target.resolve(CSV)))) {
            throw new InvalidInputException("--out " + request.out() + " holds predictions already ("
                    + PARQUET + "/ or " + CSV + "/); they are not overwritten. Give another --out.");
        }
        try (JavaSparkContext sc = SparkJobs.start(request.master(), "lamina predict")) {
            List<String> images = list(request.inputs(), sc.hadoopConfiguration());
            out.printf(Locale.ROOT, "Spark %s, master %s (%d task slots): %s (%s), %d image(s)%n", sc.version(),
                    sc.master(), sc.defaultParallelism(), info.modelName(), request.modelDir(), images.size());
            long start = System.nanoTime();
            // a few partitions per task slot, at most about 10,000 images each (a partition's rows
            // are held until it ends)
            int slices = Math.max(1, Math.min(images.size(),
                    Math.max(sc.defaultParallelism() * 4, images.size() / 10_000)));
            JavaRDD<Row> rows = sc.parallelize(images, slices).mapPartitions(job::predict);
            SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
            String parquet = target.resolve(PARQUET).toString();
            spark.createDataFrame(rows, SCHEMA).write().parquet(parquet);
            double seconds = (System.nanoTime() - start) / 1e9;
            Dataset<Row> written = spark.read().parquet(parquet);
            long failed = written.filter(functions.col("error").isNotNull()).count();
            written.select(flat(Math.min(request.topK(), info.classes().size())))
                    .write().option("header", "true").csv(target.resolve(CSV).toString());
            out.printf(Locale.ROOT, "%d image(s) predicted in %.1f s (%.1f images/s), %d with an error (see the"
                            + " error column); written to %s and %s%n", images.size() - failed, seconds,
                    images.size() / seconds, failed, parquet, target.resolve(CSV));
            return failed == 0 ? LaminaCli.OK : LaminaCli.USAGE;
        }
    }

    /** The CSV's columns: path, class_1, probability_1, ..., error. */
    private static Column[] flat(int k) {
        List<Column> columns = new ArrayList<>(List.of(functions.col("path")));
        for (int i = 1; i <= k; i++) {
            columns.add(functions.element_at(functions.col("classes"), i).as("class_" + i));
            columns.add(functions.element_at(functions.col("probabilities"), i).as("probability_" + i));
        }
        columns.add(functions.col("error"));
        return columns.toArray(Column[]::new);
    }

    /** {@code uri} with a trailing '/', so that names resolve inside it. */
    private static URI directory(URI uri) {
        return uri.getPath() != null && uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
    }

    /** A path or URI as a URI (a path without a scheme is a local file, made absolute). */
    static URI uri(String pathOrUri) {
        URI uri = URI.create(pathOrUri.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().length() == 1) {
            return Path.of(pathOrUri).toAbsolutePath().normalize().toUri();
        }
        return uri;
    }

    /**
     * Every image the inputs name: a folder's PNG and JPEG files (recursively, in name order), an
     * image file, or a manifest's lines ({@code .txt}; blank lines and {@code #} comments skipped).
     */
    static List<String> list(List<String> inputs, Configuration conf) throws IOException {
        List<String> images = new ArrayList<>();
        for (String input : inputs) {
            URI uri = uri(input);
            FileSystem fs = FileSystem.get(uri, conf);
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
            if (!fs.exists(path)) {
                throw new InvalidInputException("no such image folder, image or manifest: " + input);
            }
            FileStatus status = fs.getFileStatus(path);
            if (status.isDirectory()) {
                List<String> found = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
                while (files.hasNext()) {
                    LocatedFileStatus file = files.next();
                    if (isImageName(file.getPath().getName())) {
                        found.add(file.getPath().toUri().toString());
                    }
                }
                if (found.isEmpty()) {
                    throw new InvalidInputException("no PNG or JPEG files (*.png, *.jpg, *.jpeg) in " + input);
                }
                found.sort(null);
                images.addAll(found);
            } else if (path.getName().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                try (InputStream in = fs.open(path)) {
                    for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                        String entry = line.strip();
                        if (!entry.isEmpty() && !entry.startsWith("#")) {
                            images.add(uri(entry).toString());
                        }
                    }
                }
            } else {
                images.add(uri.toString());
            }
        }
        return images;
    }

    private static boolean isImageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    /** What every task needs: the model, k, the batch size and the resize policy. */
    record Job(String modelUri, int topK, int batchSize, ImageConversion.Resize resize) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The model directory on this machine (fetched once from a non-local file system). */
        Path localModel() throws IOException {
            URI uri = URI.create(modelUri);
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            Path local = Path.of(System.getProperty("java.io.tmpdir"), "lamina-spark-models",
                    Integer.toHexString(modelUri.hashCode()));
            if (!Files.isDirectory(local)) {
                Path partial = Files.createTempDirectory(Files.createDirectories(local.getParent()), "fetching");
                FileSystem.get(uri, new Configuration()).copyToLocalFile(false,
                        new org.apache.hadoop.fs.Path(uri), new org.apache.hadoop.fs.Path(partial.toUri()), true);
                Path fetched = partial.resolve(new org.apache.hadoop.fs.Path(uri).getName());
                Files.move(fetched, local);
            }
            return local;
        }

        private LaminaModel model() {
            return MODELS.computeIfAbsent(modelUri, m -> {
                try {
                    return LaminaModel.load(localModel());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot fetch the model " + modelUri + ": " + e.getMessage(), e);
                }
            });
        }

        /** One partition: its images predicted in batches, one row each. */
        Iterator<Row> predict(Iterator<String> paths) throws IOException {
            LaminaModel model = model();
            SavedModelInfo info = model.info();
            ImageConversion.Resize policy = resize == null ? info.resize() : resize;
            int k = Math.min(topK, info.classes().size());
            List<Row> rows = new ArrayList<>();
            Configuration conf = new Configuration();
            try (Predictor<Image, Classifications> predictor = resize == null ? model.predictor() : model.predictor(resize)) {
                List<String> batch = new ArrayList<>();
                List<Image> decoded = new ArrayList<>();
                while (paths.hasNext()) {
                    String path = paths.next();
                    try {
                        BufferedImage image = read(path, conf);
                        long[] chw = info.inputShape();
                        if (chw.length == 3) { // an image the model cannot take is a row with the reason
                            ImageConversion.toChw(image, (int) chw[0], (int) chw[1], (int) chw[2], policy);
                        }
                        decoded.add(ImageFactory.getInstance().fromImage(image));
                        batch.add(path);
                    } catch (DatasetException | IOException | IllegalArgumentException e) {
                        rows.add(RowFactory.create(path, null, null, e.getMessage()));
                    }
                    if (batch.size() == batchSize || (!paths.hasNext() && !batch.isEmpty())) {
                        predictBatch(predictor, batch, decoded, k, rows);
                        batch.clear();
                        decoded.clear();
                    }
                }
            }
            return rows.iterator();
        }

        private static void predictBatch(Predictor<Image, Classifications> predictor, List<String> batch,
                                         List<Image> images, int k, List<Row> rows) {
            try {
                List<Classifications> results = predictor.batchPredict(images);
                for (int i = 0; i < batch.size(); i++) {
                    List<Classifications.Classification> top = results.get(i).topK(k);
                    rows.add(RowFactory.create(batch.get(i),
                            top.stream().map(Classifications.Classification::getClassName).toArray(String[]::new),
                            top.stream().map(Classifications.Classification::getProbability).toArray(Double[]::new),
                            null));
                }
            } catch (TranslateException e) {
                for (String path : batch) {
                    rows.add(RowFactory.create(path, null, null, "prediction failed: " + e.getMessage()));
                }
            }
        }

        /** An image file (a local path, or any Hadoop file system URI) decoded as the CLI does. */
        private static BufferedImage read(String path, Configuration conf) throws IOException {
            URI uri = uri(path);
            if ("file".equals(uri.getScheme())) {
                return ImageConversion.decode(Path.of(uri));
            }
            try (InputStream in = FileSystem.get(uri, conf).open(new org.apache.hadoop.fs.Path(uri))) {
                BufferedImage image = ImageIO.read(in);
                if (image == null) {
                    throw new IOException(path + " is not a PNG or JPEG image");
                }
                return image;
            }
        }
    }
}
