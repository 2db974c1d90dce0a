package dev.lamina.runtime.model;

import dev.lamina.runtime.checkpoint.ModelSignature;
import dev.lamina.runtime.checkpoint.RecordedSettings;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.descriptor.LayerDescriptor;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.task.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code lamina-model.json} says about a saved model directory.
 *
 * @param modelName the model's name ({@code FashionCnn}); DJL's parameter file is named after it
 * @param netClass the generated Net class the parameters belong to
 * @param laminaVersion the Lamina version that wrote the directory
 * @param inputShape the model's input without the batch axis, e.g. {@code [1, 28, 28]}
 * @param classes the output classes' names, in output order
 * @param normalization the per-channel standardization applied to inputs in training, or {@code null}
 * @param resize how training fitted images of another size than the input ({@code "resize"} in the
 *     file; {@link Resize#NONE}, refusing them, for a file written before it was recorded)
 * @param parametersFile DJL's parameter file in the directory
 * @param parametersBytes its size
 * @param parametersSha256 its SHA-256, hex
 * @param signature every parameter's name and shape
 * @param training where the parameters came from (dataset, checkpoint, epoch, metrics, settings)
 * @param task what the model predicts ({@code "task"} in the file, with its {@code "threshold"} or
 *     {@code "target_normalization"}; absent, as every file written before tasks, for multi-class).
 *     {@code classes} are then the two class names, negative first (binary), the labels
 *     (multi-label) or the target names (regression)
 */
public record SavedModelInfo(String modelName, String netClass, String laminaVersion, long[] inputShape,
                             List<String> classes, Normalization normalization, Resize resize, String parametersFile,
                             long parametersBytes, String parametersSha256, ModelSignature signature,
                             Map<String, Object> training, TaskSpec task) {

    /** The file name in a saved model directory. */
    public static final String FILE = "lamina-model.json";
    /** The format this Lamina writes and reads. */
    public static final String FORMAT = "lamina-model-1";

    public SavedModelInfo {
        classes = List.copyOf(classes);
        resize = resize == null ? Resize.NONE : resize;
        training = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
        inputShape = inputShape.clone();
        task = task == null ? new TaskSpec.MultiClass() : task;
    }

    /** A multi-class model's info. */
    public SavedModelInfo(String modelName, String netClass, String laminaVersion, long[] inputShape,
                          List<String> classes, Normalization normalization, Resize resize, String parametersFile,
                          long parametersBytes, String parametersSha256, ModelSignature signature,
                          Map<String, Object> training) {
        this(modelName, netClass, laminaVersion, inputShape, classes, normalization, resize, parametersFile,
                parametersBytes, parametersSha256, signature, training, new TaskSpec.MultiClass());
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /**
     * The run's settings as {@code training.settings} records them, typed ({@link
     * RecordedSettings#NONE} when the summary has none, e.g. a model saved by {@link
     * LaminaModel#save(java.nio.file.Path, Class, ai.djl.nn.Block, List, Normalization, Map)});
     * files of older versions, which wrote its integers as doubles, read the same.
     *
     * @throws IllegalArgumentException when it is there but malformed
     */
    public RecordedSettings settings() {
        RecordedSettings settings = Json.convert(training.get("settings"), RecordedSettings.class,
                "\"training.settings\"");
        return settings == null ? RecordedSettings.NONE : settings;
    }

    /** The JSON text. */
    String toJson() {
        return toJson(null);
    }

    /**
     * The JSON text, with the model's {@code "layers"} as its Net describes them ({@link
     * NetDescriptor}: name, kind, attributes, shapes, parameter counts, sub-models' layers), for a
     * person or a tool reading the directory; {@link #parse} does not read them back.
     */
    String toJson(NetDescriptor descriptor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("model", modelName);
        m.put("net_class", netClass);
        m.put("lamina_version", laminaVersion);
        List<Object> shape = new ArrayList<>();
        for (long d : inputShape) {
            shape.add(d);
        }
        m.put("input_shape", shape);
        m.put("classes", new ArrayList<Object>(classes));
        if (!(task instanceof TaskSpec.MultiClass)) {
            m.putAll(task.toJson()); // a multi-class file stays as it was
        }
        if (normalization == null) {
            m.put("normalization", null);
        } else {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("mean", doubles(normalization.mean()));
            n.put("std", doubles(normalization.std()));
            m.put("normalization", n);
        }
        m.put("resize", resize.name().toLowerCase(Locale.ROOT));
        m.put("parameters_file", parametersFile);
        m.put("parameters_bytes", parametersBytes);
        m.put("parameters_sha256", parametersSha256);
        m.put("parameters", new LinkedHashMap<String, Object>(signature.parameters()));
        m.put("training", training);
        if (descriptor != null) {
            m.put("layers", layers(descriptor.layers()));
        }
        return Json.write(m);
    }

    private static List<Object> layers(List<LayerDescriptor> layers) {
        List<Object> out = new ArrayList<>();
        for (LayerDescriptor layer : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", layer.name());
            l.put("kind", layer.kind());
            l.put("input", dims(layer.in()));
            l.put("output", dims(layer.out()));
            l.put("trainable_parameters", layer.trainableParameters());
            l.put("non_trainable_parameters", layer.nonTrainableParameters());
            if (layer instanceof LayerDescriptor.Layer kind) {
                l.put("attributes", new LinkedHashMap<String, Object>(kind.attributes()));
            } else if (layer instanceof LayerDescriptor.SubModel sub) {
                l.put("model", sub.model());
                l.put("residual", sub.residual());
                l.put("layers", layers(sub.layers()));
                if (!sub.projection().isEmpty()) {
                    l.put("projection", layers(sub.projection()));
                }
            }
            out.add(l);
        }
        return out;
    }

    private static List<Object> dims(ai.djl.ndarray.types.Shape shape) {
        List<Object> dims = new ArrayList<>();
        for (long d : shape.getShape()) {
            dims.add(d);
        }
        return dims;
    }

    /**
     * Reads {@link #toJson()}'s text.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    static SavedModelInfo parse(String text) {
        Map<String, Object> m = Json.asObject(Json.parse(text), "the file");
        Object format = m.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown format " + format + " (this Lamina reads " + FORMAT + ")");
        }
        List<Object> shapeJson = Json.asArray(m.get("input_shape"), "\"input_shape\"");
        if (shapeJson.isEmpty() || shapeJson.size() > 8) {
            throw new IllegalArgumentException("\"input_shape\" has " + shapeJson.size() + " dimensions");
        }
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Json.whole(java.util.Collections.singletonMap("input_shape[" + i + "]", shapeJson.get(i)),
                    "input_shape[" + i + "]", 1, Integer.MAX_VALUE);
        }
        List<String> classes = new ArrayList<>();
        for (Object name : Json.asArray(m.get("classes"), "\"classes\"")) {
            if (!(name instanceof String className) || className.isEmpty()) {
                throw new IllegalArgumentException("\"classes\" holds " + name + ", not a class name");
            }
            classes.add(className);
        }
        Normalization normalization = null;
        if (m.get("normalization") != null) {
            Map<String, Object> n = Json.asObject(m.get("normalization"), "\"normalization\"");
            normalization = new Normalization(toDoubles(n.get("mean"), "mean"), toDoubles(n.get("std"), "std"));
        }
        // absent in files written before the resize policy was recorded: those predicted with none
        Resize resize = m.get("resize") == null ? Resize.NONE : Resize.parse(String.valueOf(m.get("resize")));
        Map<String, String> params = new LinkedHashMap<>();
        Json.asObject(m.get("parameters"), "\"parameters\"").forEach((k, v) -> params.put(k, String.valueOf(v)));
        if (m.get("training") != null && !(m.get("training") instanceof Map)) {
            throw new IllegalArgumentException("\"training\" is not a JSON object");
        }
        Map<String, Object> training = m.get("training") == null ? Map.of()
                : Json.asObject(m.get("training"), "\"training\"");
        return new SavedModelInfo(Json.string(m, "model"), Json.string(m, "net_class"),
                Json.string(m, "lamina_version"), shape, classes, normalization, resize, Json.string(m, "parameters_file"),
                Json.whole(m, "parameters_bytes", 0, Long.MAX_VALUE), sha256(m),
                new ModelSignature(params), training, TaskSpec.fromJson(m));
    }

    /** This Lamina's version (from the runtime jar), e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String currentLaminaVersion() {
        try (InputStream in = SavedModelInfo.class.getResourceAsStream("lamina.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<Object> doubles(double[] values) {
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static double[] toDoubles(Object json, String what) {
        List<Object> list = Json.asArray(json, "normalization \"" + what + "\"");
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            String key = "normalization." + what + "[" + i + "]";
            out[i] = Json.finite(java.util.Collections.singletonMap(key, list.get(i)), key);
        }
        return out;
    }

    private static String sha256(Map<String, Object> m) {
        String hash = Json.string(m, "parameters_sha256");
        if (!hash.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("\"parameters_sha256\" is not a SHA-256 (64 hex digits): " + hash);
        }
        return hash;
    }
}
