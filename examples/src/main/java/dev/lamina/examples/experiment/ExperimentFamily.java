package dev.lamina.examples.experiment;

import dev.lamina.runtime.data.DatasetKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models the experiment compares, in table order, and where each sits on the
 * test-accuracy-vs-dropout-rate chart ({@code Plain} is rate 0; models off that series have
 * no rate).
 */
public final class ExperimentFamily {
    /** The default family: one backbone, only the regularization differs. */
    public static final ExperimentFamily DEFAULT = new ExperimentFamily(defaultRates());

    /**
     * The default family plus seed article 001's two MNIST models ({@code Seed001MnistCnn},
     * {@code Seed001MnistCnnBn}); they take 28x28x1 images, so only the (Fashion-)MNIST
     * experiment has them.
     */
    public static final ExperimentFamily WITH_SEED_MODELS = new ExperimentFamily(withSeedModels());

    private final Map<String, Double> rates;

    private ExperimentFamily(Map<String, Double> rates) {
        this.rates = rates;
    }

    private static Map<String, Double> defaultRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("Plain", 0.0);
        rates.put("DropoutBetweenConvs10", 0.1);
        rates.put("DropoutBetweenConvs20", 0.2);
        rates.put("DropoutBetweenConvs30", 0.3);
        rates.put("DropoutBetweenConvs40", 0.4);
        rates.put("DropoutBetweenConvs50", 0.5);
        rates.put("SpatialDropoutConvs", Double.NaN);
        rates.put("BatchNormConvs", Double.NaN);
        rates.put("BatchNormFcDropout", Double.NaN);
        return rates;
    }

    private static Map<String, Double> withSeedModels() {
        Map<String, Double> rates = defaultRates();
        rates.put("Seed001MnistCnn", Double.NaN);
        rates.put("Seed001MnistCnnBn", Double.NaN);
        return rates;
    }

    /** The family the experiment trains on a dataset. */
    public static ExperimentFamily forDataset(DatasetKind dataset) {
        return dataset == DatasetKind.FASHION_MNIST || dataset == DatasetKind.MNIST
                ? WITH_SEED_MODELS : DEFAULT;
    }

    /** Model names in table order. */
    public List<String> models() {
        return List.copyOf(rates.keySet());
    }

    /** The element-wise dropout rate between convs, or {@code NaN} for other models. */
    public double dropoutRate(String model) {
        return rates.getOrDefault(model, Double.NaN);
    }
}
