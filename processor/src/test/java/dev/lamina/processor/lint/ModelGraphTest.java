package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Fix;
import dev.lamina.processor.graph.ModelGraph;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.shape.ShapedModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round's model graph on plain specs (no javac): each model's verdict follows from its own
 * declaration, a block's own findings are reported once however many models use it, and every
 * finding carries its Fix as structure. (Its place in the processor is {@code LaminaProcessor};
 * the compile tests check the same through javac.)
 */
class ModelGraphTest {

    /** Every model of the test is declared in this compilation; no Net exists beforehand. */
    private static final ModelGraph.Compilation HERE = new ModelGraph.Compilation() {
        @Override
        public boolean shadowsAType(String simpleName) {
            return false;
        }

        @Override
        public boolean declaredHere(String model) {
            return true;
        }

        @Override
        public boolean classExists(String qualifiedName) {
            return false;
        }
    };

    private static ModelGraph graph(ShapedModel... models) {
        return ModelGraph.build(Arrays.stream(models).map(m -> new ModelGraph.Root(m.spec(), List.of())).toList(),
                LintConfig.defaults(), HERE);
    }

    private static ModelGraph.Node node(ModelGraph graph, String simpleName) {
        return graph.nodes().stream().filter(n -> n.spec().simpleName().equals(simpleName)).findFirst().orElseThrow();
    }

    /** {@code id@model.field} of every report of the graph, in order. */
    private static List<String> reports(ModelGraph graph) {
        return graph.nodes().stream().flatMap(n -> n.reports().stream())
                .map(r -> r.finding().id() + "@" + r.model().replace("test.", "") + "." + r.finding().origin().field())
                .toList();
    }

    /** A vector block ending in an activation and a dropout, as blocks do. */
    private static ShapedModel block(ModelRole role) {
        return model("Block", 64).role(role).field("fc").dense(64, false).bn().relu()
                .field("drop").dropout(0.2).build();
    }

    private static ShapedModel user(ShapedModel block, String name) {
        return model(name, 64).field("block").subModel(block, false).field("logits").dense(10).build();
    }

    @Test
    void aDeclaredBlockHasTheSameVerdictAloneAndWithItsUsers() {
        ShapedModel block = block(ModelRole.BLOCK);
        ModelGraph alone = graph(block);
        ModelGraph used = graph(block, user(block, "A"), user(block, "B"));
        assertEquals(node(alone, "Block").reports(), node(used, "Block").reports());
        assertEquals(List.of(), node(used, "Block").reports());
        assertTrue(node(alone, "Block").generates());
        assertTrue(node(used, "A").generates() && node(used, "B").generates());
        // shaped once per input: the users hold the very same shaped block as its own node
        assertSame(node(used, "Block").shaped(), node(used, "A").shaped().layers().get(0).inside());
        assertSame(node(used, "A").shaped().layers().get(0).inside(), node(used, "B").shaped().layers().get(0).inside());
    }

    @Test
    void anUndeclaredNetworkUsedAsABlockKeepsItsOwnFindingsAndItsUsersAreToldTheRole() {
        ShapedModel network = block(null);
        List<String> own = List.of("ActivationOnLogits@Block.fc", "DropoutOnOutput@Block.drop");
        assertEquals(own, reports(graph(network)));
        ModelGraph used = graph(network, user(network, "A"));
        assertEquals(own, node(used, "Block").reports().stream()
                .map(r -> r.finding().id() + "@Block." + r.finding().origin().field()).toList());
        ModelGraph.Report told = node(used, "A").reports().get(0);
        assertEquals("SubModelRoleUndeclared", told.finding().id());
        assertEquals("block", told.finding().origin().field());
        assertEquals("declare @Model(input = {64}, role = Model.Role.BLOCK) on Block.", told.finding().fix().text());
    }

    @Test
    void aBlocksOwnFindingIsReportedOnceOnItHoweverManyModelsUseIt() {
        ShapedModel block = model("Twice", 64).role(ModelRole.BLOCK).field("fc").dense(64).relu()
                .field("d1").dropout(0.2).field("d2").dropout(0.2).build();
        ModelGraph graph = graph(block, user(block, "A"), user(block, "B"));
        assertEquals(List.of("ConsecutiveDropout@Twice.d2"), reports(graph));
    }

    @Test
    void aLintsFixIsCarriedOutOnTheLayerItNamesWhereThatLayerIsDeclared() {
        ShapedModel block = model("Head", 64).role(ModelRole.BLOCK).field("fc").dense(16).relu()
                .field("out").dense(10).relu().build();
        ShapedModel net = model("Net", 64).field("head").subModel(block, false).build();
        ModelSpec spec = net.spec();
        ModelGraph.Report report = node(graph(block, net), spec.simpleName()).reports().get(0);
        assertEquals("ActivationOnLogits", report.finding().id());
        assertEquals("head", report.finding().origin().field(), "placed on the use site");
        Fix.Target target = report.finding().fix().target();
        assertNotNull(target);
        assertEquals("test.Head", target.model());
        assertEquals("out", target.origin().field(), "carried out on Head's own layer");
        assertTrue(report.finding().message().endsWith(" Fix: " + report.finding().fix().text()));
    }

    /** The one-unit output's Fix is the network's task: carried out on its @Model, wherever the layer is declared. */
    @Test
    void theOneUnitFixIsCarriedOutOnTheNetworksTask() {
        ShapedModel block = model("Head", 64).role(ModelRole.BLOCK).field("fc").dense(16).relu()
                .field("out").dense(1).build();
        ShapedModel net = model("Net", 64).field("head").subModel(block, false).build();
        ModelGraph.Report report = node(graph(block, net), net.spec().simpleName()).reports().get(0);
        assertEquals("SingleUnitSoftmaxOutput", report.finding().id());
        assertEquals("head", report.finding().origin().field(), "placed on the use site");
        Fix.Target target = report.finding().fix().target();
        assertEquals("test.Net", target.model());
        assertEquals(dev.lamina.processor.diag.Origin.ofModel("task"), target.origin());
        assertEquals("Model.Task.BINARY", target.replacement());
    }
}
