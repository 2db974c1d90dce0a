package dev.lamina.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunsFilesTest {

    @Test
    void runsJsonIsValidJsonWithEveryEpochEvenWhenALossIsNotFinite() {
        RunRecord run = new RunRecord("Plain", 218490, 1, List.of(
                new EpochRecord(1, 0.63, 0.77, 0.82, 5.1),
                new EpochRecord(2, Double.NaN, 0.10, 0.10, 4.6)));

        Experiment.Conditions conditions = new Experiment.Conditions(new Machine("AMD EPYC", 2),
                new Machine.Load(0.47, 1.41, 0.91), new Machine.Load(2.5, 2.0, Double.NaN));
        Map<String, Object> root = Json.asObject(Json.parse(RunsFiles.json("preset quick", conditions,
                List.of(run))), "root");

        assertEquals("preset quick", root.get("plan"));
        Map<String, Object> machine = Json.asObject(root.get("machine"), "machine");
        assertEquals("AMD EPYC", machine.get("cpu"));
        assertEquals(2L, machine.get("cores"));
        assertEquals(List.of(0.47, 1.41, 0.91), machine.get("loadAverageBefore"));
        assertEquals(List.of(2.5, 2.0, Double.NaN), Json.asArray(machine.get("loadAverageAfter"), "after").stream()
                .map(v -> v instanceof String t ? Double.valueOf(t) : v).toList(), "a missing figure stays valid JSON");
        Map<String, Object> parsed = Json.asObject(Json.asArray(root.get("runs"), "runs").get(0), "run");
        assertEquals("Plain", parsed.get("model"));
        assertEquals(218490L, parsed.get("parameters"), "an integer reads back as one");
        List<Object> epochs = Json.asArray(parsed.get("epochs"), "epochs");
        assertEquals(2, epochs.size());
        Map<String, Object> first = Json.asObject(epochs.get(0), "epoch 1");
        assertEquals(0.82, Json.number(first, "testAccuracy"));
        assertEquals(5.1, Json.number(first, "seconds"));
        assertEquals(Double.NaN, Json.number(Json.asObject(epochs.get(1), "epoch 2"), "trainLoss"));
    }
}
