package dev.lamina.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.Json;
import dev.lamina.runtime.io.StateFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OptimizerState} on disk: the arrays in one file ({@code NDList} encoding, in the order
 * the JSON index lists them), the index (optimizer, file, and per parameter its name, update count
 * and array names) in the checkpoint's state file, which is written after it and commits it.
 */
final class OptimizerFile {

    private OptimizerFile() {}

    /** Writes the arrays to {@code file} atomically; returns the index for the state file. */
    static Map<String, Object> write(Path file, OptimizerState state) throws IOException {
        NDList arrays = new NDList();
        List<Object> parameters = new ArrayList<>();
        state.arrays().forEach((parameter, named) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", parameter);
            entry.put("updates", state.updates().getOrDefault(parameter, 0));
            entry.put("arrays", new ArrayList<>(named.keySet()));
            parameters.add(entry);
            arrays.addAll(named.values());
        });
        AtomicFiles.write(file, arrays::encode);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", state.optimizer());
        index.put("file", file.getFileName().toString());
        index.put("bytes", Files.size(file));
        index.put("sha256", StateFiles.sha256(file));
        index.put("parameters", parameters);
        return index;
    }

    /**
     * Reads back what {@link #write} wrote, the arrays into {@code manager}.
     *
     * @throws IllegalArgumentException when the index is malformed or does not match the file
     */
    static OptimizerState read(Path dir, Object indexJson, NDManager manager) throws IOException {
        Map<String, Object> index = Json.asObject(indexJson, "\"optimizer\"");
        Path file = StateFiles.inside(dir, Json.string(index, "file"), "optimizer.file");
        if (index.containsKey("sha256")) { // recorded since format lamina-checkpoint-3
            StateFiles.checked(file, Json.whole(index, "bytes", 0, Long.MAX_VALUE), Json.string(index, "sha256"),
                    "its checkpoint state");
        } else {
            StateFiles.requireRegular(file, -1, "an optimizer file");
        }
        NDList arrays;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            arrays = NDList.decode(manager, in);
        }
        try {
            return index(file, index, arrays);
        } catch (IllegalArgumentException e) {
            arrays.close();
            throw e;
        }
    }

    private static OptimizerState index(Path file, Map<String, Object> index, NDList arrays) {
        Map<String, Integer> updates = new LinkedHashMap<>();
        Map<String, Map<String, NDArray>> byParameter = new LinkedHashMap<>();
        int next = 0;
        for (Object item : Json.asArray(index.get("parameters"), "\"optimizer.parameters\"")) {
            Map<String, Object> entry = Json.asObject(item, "an optimizer parameter entry");
            String name = Json.string(entry, "name");
            updates.put(name, (int) Json.whole(entry, "updates", 0, Integer.MAX_VALUE));
            Map<String, NDArray> named = new LinkedHashMap<>();
            for (Object arrayName : Json.asArray(entry.get("arrays"), "\"arrays\" of " + name)) {
                if (next >= arrays.size()) {
                    throw new IllegalArgumentException(file + " holds " + arrays.size()
                            + " arrays, fewer than its index lists");
                }
                named.put(String.valueOf(arrayName), arrays.get(next++));
            }
            byParameter.put(name, named);
        }
        if (next != arrays.size()) {
            throw new IllegalArgumentException(file + " holds " + arrays.size() + " arrays, its index lists " + next);
        }
        return new OptimizerState(Json.string(index, "name"), updates, byParameter);
    }
}
