package dev.lamina.examples.experiment;

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

    private final Map<String, Double> rates;

    private ExperimentFamily(Map<String, Double> rates) {
        this.rates = rates;
    }

    private static Map<String, Double> defaultRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("Plain", 0.0);
        for (int r = 1; r <= 5; r++) {
            rates.put("DropoutBetweenConvs" + r + "0", r / 10.0);
        }
        rates.put("SpatialDropoutConvs", Double.NaN);
        rates.put("BatchNormConvs", Double.NaN);
        rates.put("BatchNormFcDropout", Double.NaN);
        return rates;
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
