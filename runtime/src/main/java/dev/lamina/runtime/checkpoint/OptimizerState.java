package dev.lamina.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer keeps between steps, by parameter name (the names of {@code
 * Block.getParameters()}, which are the same in every process, unlike DJL's parameter ids), so a
 * resumed run takes exactly the steps an uninterrupted one would have taken.
 *
 * @param optimizer which optimizer wrote it (e.g. {@code adam}); a resume refuses another one's state
 * @param updates per parameter, the updates applied so far (Adam's bias correction depends on it)
 * @param arrays per parameter, its named state arrays (Adam: {@code mean} and {@code variance})
 */
public record OptimizerState(String optimizer, Map<String, Integer> updates,
                             Map<String, Map<String, NDArray>> arrays) {

    public OptimizerState {
        updates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(updates));
        Map<String, Map<String, NDArray>> copy = new LinkedHashMap<>();
        arrays.forEach((parameter, named) -> copy.put(parameter,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(named))));
        arrays = java.util.Collections.unmodifiableMap(copy);
    }
}
