package dev.lamina.runtime.report;

import java.util.List;
import java.util.Objects;

/**
 * What a figure says about the run it shows: the title names the model and the run, the subtitle
 * lines give the data and the settings (so a figure copied out of its directory still says what
 * it measured).
 *
 * @param model the model's name, e.g. {@code FashionCnn}
 * @param run the run's name, e.g. its output directory {@code runs/train-FashionCnn}
 * @param details subtitle lines, e.g. the data and the training settings
 */
public record RunCaption(String model, String run, List<String> details) {

    public RunCaption {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(run, "run");
        details = List.copyOf(details);
    }

    /** The title: {@code "<model>, run <run>"}. */
    public String title() {
        return model + ", run " + run;
    }
}
