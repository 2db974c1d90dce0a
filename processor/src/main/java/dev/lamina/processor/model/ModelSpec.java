package dev.lamina.processor.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code @Model} class as plain data: everything later layers (shapes, lints, code generation)
 * need, and no {@code javax.lang.model} type.
 *
 * @param packageName package of the model class ("" for the unnamed package)
 * @param simpleName simple name of the model class
 * @param qualifiedName canonical name of the model class
 * @param netName simple name of the generated class ({@code <SimpleName>Net} or {@code @Model(name)})
 * @param input {@code @Model(input)}: shape of one example, without the batch axis; empty for a
 *     model that takes its input shape from where it is used ({@link #inputFromUseSite()})
 * @param layers operations in order
 * @param classSuppressions values of {@code @SuppressWarnings} on the class
 * @param fieldSuppressions values of {@code @SuppressWarnings} per field name
 * @param declaredRole {@code @Model(role)} when it is not {@code DEFAULT}; null when the model
 *     leaves its role to its input ({@link #role()})
 * @param task {@code @Model(task)}: what a whole network predicts ({@link ModelTask#MULTI_CLASS}
 *     when left out)
 */
public record ModelSpec(String packageName, String simpleName, String qualifiedName, String netName,
                        List<Integer> input, List<LayerSpec> layers, Set<String> classSuppressions,
                        Map<String, Set<String>> fieldSuppressions, ModelRole declaredRole, ModelTask task) {

    public ModelSpec {
        task = task == null ? ModelTask.MULTI_CLASS : task;
        input = List.copyOf(input);
        layers = List.copyOf(layers);
        classSuppressions = Set.copyOf(classSuppressions);
        fieldSuppressions = Map.copyOf(fieldSuppressions);
    }

    /** A multi-class model ({@code @Model(task)} left out) with the given role. */
    public ModelSpec(String packageName, String simpleName, String qualifiedName, String netName,
                     List<Integer> input, List<LayerSpec> layers, Set<String> classSuppressions,
                     Map<String, Set<String>> fieldSuppressions, ModelRole declaredRole) {
        this(packageName, simpleName, qualifiedName, netName, input, layers, classSuppressions, fieldSuppressions,
                declaredRole, ModelTask.MULTI_CLASS);
    }

    /** A model that declares no role ({@code @Model(role)} left at {@code DEFAULT}). */
    public ModelSpec(String packageName, String simpleName, String qualifiedName, String netName,
                     List<Integer> input, List<LayerSpec> layers, Set<String> classSuppressions,
                     Map<String, Set<String>> fieldSuppressions) {
        this(packageName, simpleName, qualifiedName, netName, input, layers, classSuppressions, fieldSuppressions,
                null);
    }

    /**
     * What the model is for, from its own declaration only: its {@code @Model(role)}, else a whole
     * network when it declares an input and a building block when it does not.
     */
    public ModelRole role() {
        return declaredRole != null ? declaredRole : inputFromUseSite() ? ModelRole.BLOCK : ModelRole.NETWORK;
    }

    /**
     * Whether the model declares no input and takes its input shape from each field that uses it:
     * it is shaped, linted and built there (in the enclosing model's Net), and has no Net of its own.
     */
    public boolean inputFromUseSite() {
        return input.isEmpty();
    }

    /** The generated class's name when {@code @Model(name)} is left out: {@code <SimpleName>Net}. */
    public static String defaultNetName(String simpleName) {
        return simpleName + "Net";
    }

    /**
     * Whether the Net has the default name ({@link #defaultNetName}), i.e. {@code @Model(name)} is
     * left out (or names the default).
     */
    public boolean hasDefaultNetName() {
        return netName.equals(defaultNetName(simpleName));
    }

    /** A shape as written in {@code @Model(input = ...)}, e.g. {@code {1, 28, 28}}. */
    public static String inputLiteral(List<Integer> dims) {
        return dims.toString().replace('[', '{').replace(']', '}');
    }

    /** Qualified names of the models this one inlines as sub-models, at any depth. */
    public Set<String> subModelNames() {
        return subModels().keySet();
    }

    /** The models this one inlines as sub-models, at any depth, by qualified name. */
    public Map<String, ModelSpec> subModels() {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        collectSubModels(models);
        return models;
    }

    private void collectSubModels(Map<String, ModelSpec> models) {
        for (LayerSpec layer : layers) {
            // a model already listed has had its own sub-models listed too: visited once each
            if (layer instanceof SubModelSpec sub && models.putIfAbsent(sub.model().qualifiedName(), sub.model()) == null) {
                sub.model().collectSubModels(models);
            }
        }
    }

    /**
     * Qualified names of the models this one uses, at any depth, as the main path of a
     * {@code @Residual} block.
     */
    public Set<String> residualBodyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (LayerSpec layer : layers) {
            if (layer instanceof SubModelSpec sub) {
                if (sub.residual()) {
                    names.add(sub.model().qualifiedName());
                }
                names.addAll(sub.model().residualBodyNames());
            }
        }
        return names;
    }

    /** Qualified name of the generated class. */
    public String qualifiedNetName() {
        return packageName.isEmpty() ? netName : packageName + "." + netName;
    }
}
