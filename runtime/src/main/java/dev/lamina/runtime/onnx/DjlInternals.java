package dev.lamina.runtime.onnx;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.norm.BatchNorm;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the configuration DJL 0.35.1 keeps in private fields: a {@link BatchNorm}'s epsilon, axis
 * and center/scale flags, and the values a {@link LambdaBlock} built by {@code Pool} or {@code
 * Activation} captured (kernel, stride, padding and flags of a pooling block, the slope of a leaky
 * ReLU). DJL has no getters for them, and an ONNX node needs them. Every read is checked: a field
 * that is not there or not of the expected type (another DJL version) is an {@link
 * OnnxExportException} naming the layer, never a guessed value.
 */
final class DjlInternals {

    private DjlInternals() {}

    /** The settings of a batch norm layer that the ONNX node needs. */
    record BatchNormSettings(float epsilon, int axis, boolean center, boolean scale) {}

    static BatchNormSettings batchNorm(BatchNorm block, String layer) {
        return new BatchNormSettings((float) read(block, BatchNorm.class, "epsilon", layer),
                (int) read(block, BatchNorm.class, "axis", layer),
                (boolean) read(block, BatchNorm.class, "center", layer),
                (boolean) read(block, BatchNorm.class, "scale", layer));
    }

    /**
     * The values a lambda block's function captured, in capture order. A block made by {@code
     * LambdaBlock.singleton(f, name)} wraps {@code f}, whose captures are then read instead: either
     * way they are the factory method's arguments (e.g. kernel, stride, padding, ceil mode of {@code
     * Pool.maxPool2dBlock}, the slope of {@code Activation.leakyReluBlock}).
     */
    static List<Object> captures(LambdaBlock block, String layer) {
        List<Object> values = capturedValues(read(block, LambdaBlock.class, "lambda", layer), layer);
        if (values.size() == 1 && isLambda(values.get(0))) {
            return capturedValues(values.get(0), layer);
        }
        return values;
    }

    private static boolean isLambda(Object value) {
        return value != null && (value.getClass().isHidden() || value.getClass().isSynthetic());
    }

    /** A capture list as (kernel, stride, padding, flags...) of a 2-d pooling block. */
    record PoolSettings(Shape kernel, Shape stride, Shape padding, List<Boolean> flags) {}

    static PoolSettings pool(LambdaBlock block, String layer, int flags) {
        List<Object> values = captures(block, layer);
        if (values.size() != 3 + flags) {
            throw unreadable(layer, "expected " + (3 + flags) + " captured settings, found " + values.size());
        }
        List<Boolean> bools = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (!(values.get(i) instanceof Shape s) || s.dimension() != 2) {
                throw unreadable(layer, "setting " + (i + 1) + " is not a 2-d shape: " + values.get(i));
            }
        }
        for (int i = 3; i < values.size(); i++) {
            if (!(values.get(i) instanceof Boolean b)) {
                throw unreadable(layer, "setting " + (i + 1) + " is not a flag: " + values.get(i));
            }
            bools.add(b);
        }
        return new PoolSettings((Shape) values.get(0), (Shape) values.get(1), (Shape) values.get(2), bools);
    }

    static float leakyReluAlpha(LambdaBlock block, String layer) {
        List<Object> values = captures(block, layer);
        if (values.size() != 1 || !(values.get(0) instanceof Float alpha)) {
            throw unreadable(layer, "expected one captured slope, found " + values);
        }
        return alpha;
    }

    private static List<Object> capturedValues(Object lambda, String layer) {
        if (!isLambda(lambda)) {
            throw unreadable(layer, "its function is not a lambda: " + lambda);
        }
        Field[] fields = lambda.getClass().getDeclaredFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        List<Object> values = new ArrayList<>();
        for (Field f : fields) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                f.setAccessible(true);
                values.add(f.get(lambda));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw unreadable(layer, "its captured value " + f.getName() + " cannot be read (" + e + ")");
            }
        }
        return values;
    }

    private static Object read(Object target, Class<?> owner, String field, String layer) {
        try {
            Field f = owner.getDeclaredField(field);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unreadable(layer, "field " + owner.getSimpleName() + "." + field + " cannot be read (" + e + ")");
        }
    }

    private static OnnxExportException unreadable(String layer, String why) {
        return new OnnxExportException("layer '" + layer + "': cannot read its settings from DJL (" + why
                + "). The ONNX exporter reads DJL 0.35.1's blocks; with another DJL version export is refused"
                + " rather than guessed.");
    }
}
