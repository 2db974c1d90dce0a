package dev.lamina.processor.corpus;

import static dev.lamina.processor.corpus.Corpus.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic architectures of the corpus written as their papers (or their reference code) write
 * them, each with the parameter count it must have: the published count, exact where the source
 * prints one (Keras Applications' {@code model.summary()}, torchvision), else the paper's rounded
 * figure, which the exact count given here rounds to. Counts are trainable parameters (weights,
 * biases, batch-norm gamma and beta), as PyTorch's {@code numel} sum and Keras's "Trainable params"
 * count them. Activations the DSL lacks are written as the nearest one it has (ReLU6 as
 * {@code @ReLU}); that changes no count. Every one of them compiles with no warning and no note.
 */
final class CorpusArchitectures {

    private CorpusArchitectures() {}

    /** {@code lines} as one array. */
    private static String[] lines(List<String> lines) {
        return lines.toArray(String[]::new);
    }

    // ---- MobileNet ----

    /** A depthwise separable block of MobileNetV1: 3x3 depthwise, batch norm, ReLU, 1x1 conv, batch norm, ReLU. */
    private static void separable(List<String> out, String name, int filters, int stride) {
        out.add("    @DepthwiseConv(" + (stride > 1 ? "stride = " + stride + ", " : "") + "bias = false) @BatchNorm @ReLU Layer "
                + name + "dw;");
        out.add("    @Conv(filters = " + filters + ", kernel = 1, bias = false) @BatchNorm @ReLU Layer " + name + "pw;");
    }

    private static Corpus.Entry mobileNetV1() {
        List<String> f = new ArrayList<>();
        f.add("    @Conv(filters = 32, stride = 2, bias = false) @BatchNorm @ReLU Layer stem;");
        int[][] blocks = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1}, {512, 1}, {512, 1},
            {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
        for (int i = 0; i < blocks.length; i++) {
            separable(f, "b" + (i + 1), blocks[i][0], blocks[i][1]);
        }
        f.add("    @GlobalAvgPool Layer gap;");
        f.add("    @Dropout(rate = 0.001) Layer drop;");
        f.add("    @Dense(units = 1000) Layer logits;");
        return model("MobileNetV1", "Howard et al. 2017, MobileNets (Table 1, 4.2M parameters), as Keras Applications'"
                        + " MobileNet (alpha 1.0, 224x224, ReLU6 as @ReLU, the 1x1 conv classifier as @Dense): Trainable"
                        + " params: 4,231,976", "{3, 224, 224}", lines(f))
                .params(4_231_976)
                .build();
    }

    /** An inverted residual block of MobileNetV2: 1x1 expansion, 3x3 depthwise, linear 1x1 projection. */
    private static List<String> invertedResidual(String name, int expanded, int filters, int stride) {
        return List.of(
                "    @Conv(filters = " + expanded + ", kernel = 1, bias = false) @BatchNorm @ReLU Layer " + name + "expand;",
                "    @DepthwiseConv(" + (stride > 1 ? "stride = " + stride + ", " : "") + "bias = false) @BatchNorm @ReLU Layer "
                        + name + "dw;",
                "    @Conv(filters = " + filters + ", kernel = 1, bias = false) @BatchNorm Layer " + name + "project;");
    }

    private static Corpus.Entry mobileNetV2() {
        List<String> f = new ArrayList<>();
        f.add("    @Conv(filters = 32, stride = 2, bias = false) @BatchNorm @ReLU Layer stem;");
        f.add("    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer b0dw;");
        f.add("    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm Layer b0project;");
        // (expansion t, channels c, repeats n, stride s) of Sandler et al. 2018, Table 2
        int[][] stages = {{6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
        int in = 16;
        List<String[]> bodies = new ArrayList<>();
        int block = 1;
        for (int[] stage : stages) {
            f.addAll(invertedResidual("b" + block++, in * stage[0], stage[1], stage[3]));
            for (int r = 1; r < stage[2]; r++) {
                f.add("    @Residual MobileNetV2Res" + stage[1] + " b" + block++ + ";");
            }
            if (stage[2] > 1) {
                bodies.add(new String[] {"MobileNetV2Res" + stage[1], String.valueOf(stage[1] * stage[0]),
                    String.valueOf(stage[1])});
            }
            in = stage[1];
        }
        f.add("    @Conv(filters = 1280, kernel = 1, bias = false) @BatchNorm @ReLU Layer head;");
        f.add("    @GlobalAvgPool Layer gap;");
        f.add("    @Dense(units = 1000) Layer logits;");
        Corpus.Builder builder = model("MobileNetV2", "Sandler et al. 2018, MobileNetV2 (Table 2; 3.4M parameters,"
                        + " Table 4), as Keras Applications' MobileNetV2 (alpha 1.0, 224x224, ReLU6 as @ReLU): Trainable"
                        + " params: 3,504,872. Its projections are linear by design (section 3.2, Fig. 6a) and meet the"
                        + " next block's expansion with no activation between: a linear bottleneck", "{3, 224, 224}",
                lines(f));
        for (String[] body : bodies) {
            builder.uses(body[0], null, lines(invertedResidual("", Integer.parseInt(body[1]),
                    Integer.parseInt(body[2]), 1)));
        }
        return builder.params(3_504_872).build();
    }

    // ---- Xception ----

    /** A separable conv of Xception: depthwise 3x3 and pointwise 1x1, no activation between, then batch norm. */
    private static List<String> sepConv(String name, int filters, String after) {
        return List.of("    @DepthwiseConv(bias = false) Layer " + name + "dw;",
                "    @Conv(filters = " + filters + ", kernel = 1, bias = false) @BatchNorm" + after + " Layer " + name + "pw;");
    }

    /** An entry- or exit-flow block's main path: [ReLU,] sepconv, BN, ReLU, sepconv, BN, max pool 3 stride 2. */
    private static String[] xceptionDown(boolean relu, int first, int second) {
        List<String> f = new ArrayList<>();
        if (relu) {
            f.add("    @ReLU Layer pre;");
        }
        f.addAll(sepConv("s1", first, " @ReLU"));
        f.addAll(sepConv("s2", second, " @MaxPool(value = 3, stride = 2, padding = Padding.SAME)"));
        return lines(f);
    }

    private static Corpus.Entry xception() {
        List<String> f = new ArrayList<>();
        f.add("    @Conv(filters = 32, stride = 2, padding = Padding.VALID, bias = false) @BatchNorm @ReLU Layer conv1;");
        f.add("    @Conv(filters = 64, padding = Padding.VALID, bias = false) @BatchNorm @ReLU Layer conv2;");
        f.add("    @Residual(projection = true) XceptionEntry128 block1;");
        f.add("    @Residual(projection = true) XceptionEntry256 block2;");
        f.add("    @Residual(projection = true) XceptionEntry728 block3;");
        for (int i = 0; i < 8; i++) {
            f.add("    @Residual XceptionMiddle middle" + (i + 1) + ";");
        }
        f.add("    @Residual(projection = true) XceptionExit exit;");
        f.addAll(sepConv("s3", 1536, " @ReLU"));
        f.addAll(sepConv("s4", 2048, " @ReLU"));
        f.add("    @GlobalAvgPool Layer gap;");
        f.add("    @Dense(units = 1000) Layer logits;");
        List<String> middle = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            middle.add("    @ReLU Layer pre" + i + ";");
            middle.addAll(sepConv("s" + i, 728, ""));
        }
        return model("Xception", "Chollet 2017, Xception (Fig. 5: entry flow, 8 middle-flow blocks, exit flow; 22.9M"
                        + " parameters, Table 3), as Keras Applications' Xception (299x299): Trainable params: 22,855,952."
                        + " Its residual blocks end sepconv, batch norm, max pool, add, and the next block starts with its"
                        + " own ReLU (the structure of Keras's 'Image classification from scratch' example too)",
                "{3, 299, 299}", lines(f))
                .uses("XceptionEntry128", null, xceptionDown(false, 128, 128))
                .uses("XceptionEntry256", null, xceptionDown(true, 256, 256))
                .uses("XceptionEntry728", null, xceptionDown(true, 728, 728))
                .uses("XceptionMiddle", null, lines(middle))
                .uses("XceptionExit", null, xceptionDown(true, 728, 1024))
                .params(22_855_952)
                .build();
    }

    // ---- ResNets for CIFAR-10 (He et al. 2016a, section 4.2) and the pre-activation ResNet (He et al. 2016b) ----

    /**
     * A CIFAR ResNet of depth 6n + 2: a 3x3 stem of 16 channels, three stages of n basic blocks of
     * widths 16, 32 and 64, global average pooling, 10 logits. Option B shortcuts: a projection
     * (1x1 conv and batch norm) where the width changes, identity elsewhere. Post-activation
     * blocks (conv, BN, ReLU, conv, BN, add, ReLU), or with {@code preActivation} He et al.
     * 2016b's (BN, ReLU, conv, BN, ReLU, conv, add), whose stem has no BN of its own and whose
     * last block is followed by BN and ReLU.
     */
    private static Corpus.Builder cifarResNet(String name, int n, boolean preActivation, String origin) {
        List<String> f = new ArrayList<>();
        f.add(preActivation ? "    @Conv(filters = 16, bias = false) Layer stem;"
                : "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer stem;");
        int[] widths = {16, 32, 64};
        int in = 16;
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < n; b++) {
                boolean down = b == 0 && widths[s] != in;
                String body = name + (down ? "Down" : "Block") + widths[s];
                f.add("    @Residual" + (down ? "(projection = true)" : "") + (preActivation ? "" : " @ReLU") + " "
                        + body + " s" + (s + 1) + "b" + (b + 1) + ";");
            }
            in = widths[s];
        }
        if (preActivation) {
            f.add("    @BatchNorm @ReLU Layer post;");
        }
        f.add("    @GlobalAvgPool Layer gap;");
        f.add("    @Dense(units = 10) Layer logits;");
        Corpus.Builder builder = model(name, origin, "{3, 32, 32}", lines(f));
        for (int s = 0; s < 3; s++) {
            if (s > 0) {
                builder.uses(name + "Down" + widths[s], null, basicBlock(widths[s], 2, preActivation));
            }
            builder.uses(name + "Block" + widths[s], null, basicBlock(widths[s], 1, preActivation));
        }
        return builder;
    }

    private static String[] basicBlock(int width, int stride, boolean preActivation) {
        String s = stride > 1 ? ", stride = " + stride : "";
        if (preActivation) {
            return new String[] {"    @BatchNorm @ReLU Layer pre;",
                "    @Conv(filters = " + width + s + ", bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Conv(filters = " + width + ", bias = false) Layer conv2;"};
        }
        return new String[] {"    @Conv(filters = " + width + s + ", bias = false) @BatchNorm @ReLU Layer conv1;",
            "    @Conv(filters = " + width + ", bias = false) @BatchNorm Layer conv2;"};
    }

    private static final String RESNET = "He et al. 2016a, 'Deep Residual Learning for Image Recognition', section 4.2:"
            + " the CIFAR-10 ResNet of depth 6n + 2, option B shortcuts (projections where the width changes; the"
            + " option A zero-padding shortcut has no DSL form). Table 6 gives ";

    // ---- VGG at 32 px, AlexNet at 224 px ----

    /** VGG's conv stack (3x3 convs with bias and ReLU, 2x2 max pools) for the configuration {@code cfg} (0 = pool). */
    private static List<String> vgg(int... cfg) {
        List<String> f = new ArrayList<>();
        int conv = 0;
        for (int i = 0; i < cfg.length; i++) {
            boolean pool = i + 1 < cfg.length && cfg[i + 1] == 0;
            if (cfg[i] != 0) {
                f.add("    @Conv(filters = " + cfg[i] + ") @ReLU" + (pool ? " @MaxPool(2)" : "") + " Layer c" + ++conv + ";");
            }
        }
        return f;
    }

    private static Corpus.Entry vggCifar(String name, String config, long params, int... cfg) {
        List<String> f = vgg(cfg);
        f.add("    @Flatten Layer flat;");
        f.add("    @Dense(units = 10) Layer logits;");
        return model(name, "Simonyan & Zisserman 2015, VGG configuration " + config + " (Table 1), its conv stack"
                        + " at 32x32 (CIFAR-10) with the single 512-to-10 classifier of kuangliu/pytorch-cifar's VGG"
                        + " (without that code's batch norms): the conv stack has the weights of Table 2's network"
                        + " less its three ImageNet dense layers", "{3, 32, 32}", lines(f))
                .params(params)
                .build();
    }

    private static Corpus.Entry alexNet224() {
        return model("AlexNet224", "torchvision.models.alexnet (Krizhevsky 2014's one-tower variant, 224x224): 61,100,840"
                        + " parameters. conv1's padding 2 is written as SAME (5), which gives 56x56 instead of 55x55"
                        + " and the same 27, 13 and 6 after the pools; torchvision's dropouts precede fc6 and fc7", "{3, 224, 224}",
                "    @Conv(filters = 64, kernel = 11, stride = 4) @ReLU Layer conv1;",
                "    @MaxPool(value = 3, stride = 2) Layer pool1;",
                "    @Conv(filters = 192, kernel = 5) @ReLU Layer conv2;",
                "    @MaxPool(value = 3, stride = 2) Layer pool2;",
                "    @Conv(filters = 384) @ReLU Layer conv3;",
                "    @Conv(filters = 256) @ReLU Layer conv4;",
                "    @Conv(filters = 256) @ReLU Layer conv5;",
                "    @MaxPool(value = 3, stride = 2) Layer pool5;",
                "    @Flatten Layer flat;",
                "    @Dropout(rate = 0.5) Layer drop6;",
                "    @Dense(units = 4096) @ReLU Layer fc6;",
                "    @Dropout(rate = 0.5) Layer drop7;",
                "    @Dense(units = 4096) @ReLU Layer fc7;",
                "    @Dense(units = 1000) Layer logits;")
                .params(61_100_840)
                .build();
    }

    // ---- Wide ResNets, official order ----

    /**
     * WRN-d-k (Zagoruyko &amp; Komodakis 2016) as its official code writes it
     * (github.com/szagoruyko/wide-residual-networks): a 3x3 stem of 16, three groups of (d - 4) / 6
     * pre-activation blocks of widths 16k, 32k, 64k, each batch norm, ReLU, conv, batch norm, ReLU,
     * dropout 0.3, conv; a 1x1 shortcut where the width changes; then batch norm, ReLU, global
     * average pooling and 10 logits.
     */
    private static Corpus.Builder wideResNet(String name, int depth, int k, String origin) {
        int n = (depth - 4) / 6;
        List<String> f = new ArrayList<>();
        f.add("    @Conv(filters = 16, bias = false) Layer stem;");
        int in = 16;
        int[] widths = {16 * k, 32 * k, 64 * k};
        for (int g = 0; g < 3; g++) {
            for (int b = 0; b < n; b++) {
                boolean first = b == 0;
                String body = name + (first ? "First" : "Block") + (g + 1);
                f.add("    @Residual" + (first ? "(projection = true)" : "") + " " + body + " g" + (g + 1) + "b" + (b + 1) + ";");
            }
            in = widths[g];
        }
        f.add("    @BatchNorm @ReLU Layer post;");
        f.add("    @GlobalAvgPool Layer gap;");
        f.add("    @Dense(units = 10) Layer logits;");
        Corpus.Builder builder = model(name, origin, "{3, 32, 32}", lines(f));
        for (int g = 0; g < 3; g++) {
            builder.uses(name + "First" + (g + 1), null, wideBlock(widths[g], g == 0 ? 1 : 2));
            if (n > 1) {
                builder.uses(name + "Block" + (g + 1), null, wideBlock(widths[g], 1));
            }
        }
        return builder;
    }

    private static String[] wideBlock(int width, int stride) {
        return new String[] {"    @BatchNorm @ReLU Layer pre;",
            "    @Conv(filters = " + width + (stride > 1 ? ", stride = " + stride : "") + ", bias = false) @BatchNorm @ReLU Layer conv1;",
            "    @Dropout(rate = 0.3) Layer drop;",
            "    @Conv(filters = " + width + ", bias = false) Layer conv2;"};
    }

    private static final String WRN_SHORTCUT = " The DSL's projection shortcut adds a batch norm to the official"
            + " code's 1x1 conv, 2 parameters per output channel of each of the three projections: ";

    static final List<Corpus.Entry> ALL = List.of(
            mobileNetV1(),
            mobileNetV2(),
            xception(),
            cifarResNet("ResNet20", 3, false, RESNET + "0.27M for ResNet-20 (option A: 269,722 exactly, as"
                    + " akamaster/pytorch_resnet_cifar10 prints it; the two projections add 2,752)").params(272_474).build(),
            cifarResNet("ResNet32", 5, false, RESNET + "0.46M for ResNet-32 (option A: 464,154; the projections add 2,752)")
                    .params(466_906).build(),
            cifarResNet("ResNet56", 9, false, RESNET + "0.85M for ResNet-56 (option A: 853,018; the projections add 2,752)")
                    .params(855_770).build(),
            cifarResNet("ResNet110", 18, false, RESNET + "1.7M for ResNet-110 (option A: 1,727,962; the projections add 2,752)")
                    .params(1_730_714).build(),
            cifarResNet("PreActResNet110", 18, true, "He et al. 2016b, 'Identity Mappings in Deep Residual Networks':"
                    + " the pre-activation ResNet-110 for CIFAR-10 (Fig. 4(e); 1.7M parameters, Table 3), projection"
                    + " shortcuts where the width changes").params(1_730_714).build(),
            vggCifar("Vgg11Cifar", "A (VGG-11)", 9_225_610, 64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0),
            vggCifar("Vgg16Cifar", "D (VGG-16)", 14_719_818, 64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0,
                    512, 512, 512, 0),
            alexNet224(),
            wideResNet("Wrn16x4", 16, 4, "Zagoruyko & Komodakis 2016, WRN-16-4 with dropout (Table 6: 2.7M parameters;"
                    + " the official code's count is 2,748,890)." + WRN_SHORTCUT + "2,749,786").params(2_749_786).build(),
            wideResNet("Wrn28x10", 28, 10, "Zagoruyko & Komodakis 2016, WRN-28-10 with dropout (Table 6: 36.5M parameters;"
                    + " the official code's count is 36,479,194)." + WRN_SHORTCUT + "36,481,434").params(36_481_434).build());
}
