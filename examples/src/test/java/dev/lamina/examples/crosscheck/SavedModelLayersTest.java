package dev.lamina.examples.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lamina.runtime.model.LaminaModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved model's {@code lamina-model.json} lists its layers as its Net's descriptor has them. */
class SavedModelLayersTest {

    @TempDir
    Path tmp;

    @Test
    void layersWithKindsShapesAttributesAndResidualStructure() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CcResidualNet.newBlock();
            block.initialize(manager, DataType.FLOAT32, CcResidualNet.inputShape());
            LaminaModel.save(tmp, CcResidualNet.class, block, List.of("a", "b", "c"), null, Map.of("epoch", 1));
        }
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("lamina-model.json"))).getAsJsonObject();
        JsonArray layers = json.getAsJsonArray("layers");
        assertEquals(CcResidualNet.descriptor().layers().size(), layers.size());
        JsonObject stem = layers.get(0).getAsJsonObject();
        assertEquals("stem", stem.get("name").getAsString());
        assertEquals("Conv", stem.get("kind").getAsString());
        assertEquals("[4,9,9]", stem.get("input").toString());
        assertEquals("[8,9,9]", stem.get("output").toString());
        assertEquals(8, stem.getAsJsonObject("attributes").get("filters").getAsInt());
        assertEquals(4 * 8 * 9 + 8, stem.get("trainable_parameters").getAsLong());
        JsonObject res2 = layers.asList().stream().map(l -> l.getAsJsonObject())
                .filter(l -> l.get("name").getAsString().equals("res2")).findFirst().orElseThrow();
        assertEquals("Residual(CcDown)", res2.get("kind").getAsString());
        assertEquals(true, res2.get("residual").getAsBoolean());
        assertEquals(List.of("conv", "bn"), res2.getAsJsonArray("projection").asList().stream()
                .map(l -> l.getAsJsonObject().get("name").getAsString()).toList());
        long total = 0;
        for (var layer : layers) {
            total += layer.getAsJsonObject().get("trainable_parameters").getAsLong()
                    + layer.getAsJsonObject().get("non_trainable_parameters").getAsLong();
        }
        assertEquals(CcResidualNet.totalParameterCount(), total);
    }
}
