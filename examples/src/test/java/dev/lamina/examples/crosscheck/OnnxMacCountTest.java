package dev.lamina.examples.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.descriptor.NetDescriptor;
import dev.lamina.runtime.onnx.OnnxExporter;
import dev.lamina.runtime.onnx.proto.OnnxProto.AttributeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.GraphProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.ModelProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.NodeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.TensorProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.TypeProto;
import dev.lamina.runtime.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compile-time multiply-accumulates of a Net's descriptor ({@link NetDescriptor#macs()}) equal
 * a count made without it, over the ONNX graph the exporter writes: every {@code Conv}, {@code
 * Gemm} and {@code MatMul} node, its output shape as ONNX Runtime computes it for one example
 * (each such output is added to the graph's outputs), times the products per output element
 * that its weight initializer's dimensions give (a {@code Conv} weight (M, C/group, kH, kW):
 * C/group x kH x kW; a {@code Gemm} weight: its reduced axis, by {@code transB}). The models: the
 * 28x28 examples, the CIFAR-10 ones, and the cross-check models with depthwise convolutions,
 * residual projections and the other kinds.
 */
class OnnxMacCountTest {

    private static final Set<String> COUNTED = Set.of("Conv", "Gemm", "MatMul");

    static Stream<Arguments> models() {
        List<GeneratedNet> nets = new ArrayList<>();
        for (String name : List.of("FashionClassifier", "FashionCnn", "FashionCnnFlatHead", "Plain")) {
            nets.add(ModelCatalog.resolve(name));
        }
        for (String name : List.of("Plain", "BatchNormConvs")) {
            nets.add(ModelCatalog.resolveIn(name, ModelCatalog.MODELS_CIFAR10));
        }
        nets.add(GeneratedNet.of(CcResidualNet.class));
        nets.add(GeneratedNet.of(CcDepthwiseNet.class));
        nets.add(GeneratedNet.of(CcKindsNet.class));
        nets.add(GeneratedNet.of(CcStridesNet.class));
        nets.add(GeneratedNet.of(dev.lamina.examples.models.cifar.wrn.WideResNet16x4Net.class));
        return nets.stream().map(n -> Arguments.of(n.netClass().getSimpleName(), n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void descriptorMacsEqualTheOnnxGraphsConvAndGemmProducts(String name, GeneratedNet net) throws Exception {
        ModelProto model;
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = net.newBlock();
            block.initialize(manager, DataType.FLOAT32, net.inputShape());
            model = OnnxExporter.export(net.net(), block, name, Map.of());
        }
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        List<NodeProto> counted = graph.getNodeList().stream().filter(n -> COUNTED.contains(n.getOpType())).toList();
        assertTrue(!counted.isEmpty(), name + " has no Conv or Gemm node");
        GraphProto.Builder withOutputs = graph.toBuilder();
        for (NodeProto node : counted) {
            withOutputs.addOutput(ValueInfoProto.newBuilder().setName(node.getOutput(0)).setType(TypeProto.newBuilder()
                    .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
        }
        byte[] bytes = model.toBuilder().setGraph(withOutputs).build().toByteArray();
        long[] shape = net.inputShape().getShape().clone(); // batch 1
        float[] x = new float[(int) net.inputShape().size()];
        long macs = 0;
        OrtEnvironment env = OrtTestEnvironment.get();
        try (OrtSession session = env.createSession(bytes, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
             OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            for (NodeProto node : counted) {
                long outputs = elements(((OnnxTensor) result.get(node.getOutput(0)).orElseThrow()).getInfo().getShape());
                macs += outputs * productsPerOutput(node, initializers.get(node.getInput(1)));
            }
        }
        NetDescriptor descriptor = net.net().descriptor();
        assertEquals(macs, descriptor.macs(), name + ": MACs of the ONNX graph vs the descriptor");
    }

    /** The products summed into one output element of {@code node}, whose weight is {@code weight}. */
    private static long productsPerOutput(NodeProto node, TensorProto weight) {
        List<Long> dims = weight.getDimsList();
        if (node.getOpType().equals("Conv")) {
            return dims.get(1) * dims.get(2) * dims.get(3); // (M, C/group, kH, kW)
        }
        boolean transB = node.getAttributeList().stream()
                .anyMatch(a -> a.getName().equals("transB") && a.getType() == AttributeProto.AttributeType.INT && a.getI() == 1);
        return transB ? dims.get(1) : dims.get(0); // B is (N, K) transposed, else (K, N)
    }

    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
