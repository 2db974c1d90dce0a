package dev.lamina.processor.corpus;

import static dev.lamina.processor.corpus.Corpus.model;

import java.util.List;

/**
 * The corpus: real-world models in the DSL (with {@link CorpusArchitectures}, 50). NeuraLint = github.com/neuralint/neuralint
 * (Nikanjam et al. 2021, TOSEM), its {@code sample_buggy_scripts}; UMLAUT =
 * github.com/BerkeleyHCI/umlaut (Schoop et al. 2021, CHI), its {@code user_eval} programs.
 */
final class CorpusModels {

    private CorpusModels() {}

    private static final String NL = "NeuraLint sample_buggy_scripts/";

    /** The classifier AlexNet and VGG share: flatten, two dense layers of 4096 with dropout 0.5, 1000 logits. */
    private static final String[] IMAGENET_HEAD = {
        "    @Flatten Layer flat;",
        "    @Dense(units = 4096) @ReLU Layer fc6;",
        "    @Dropout(rate = 0.5) Layer drop6;",
        "    @Dense(units = 4096) @ReLU Layer fc7;",
        "    @Dropout(rate = 0.5) Layer drop7;",
        "    @Dense(units = 1000) Layer logits;"};

    /** {@code lines} followed by {@code head}. */
    private static String[] withHead(String[] lines, String[] head) {
        String[] all = java.util.Arrays.copyOf(lines, lines.length + head.length);
        System.arraycopy(head, 0, all, lines.length, head.length);
        return all;
    }

    /** Keras examples/mnist_cnn.py's layers, translated carefully and literally below. */
    private static final String[] MNIST_CNN = {
        "    @Conv(filters = 32, padding = Padding.VALID) @ReLU Layer conv1;",
        "    @Conv(filters = 64, padding = Padding.VALID) @ReLU Layer conv2;",
        "    @MaxPool(2) Layer pool;",
        "    @Dropout(rate = 0.25) Layer drop1;",
        "    @Flatten Layer flat;",
        "    @Dense(units = 128) @ReLU Layer fc1;",
        "    @Dropout(rate = 0.5) Layer drop2;",
        "    @Dense(units = 10) Layer logits;"};

    private static final List<Corpus.Entry> PROGRAMS = List.of(
            // ---- NeuraLint: Stack Overflow programs (Keras) ----
            model("So33969059", NL + "SO Samples/33969059.py (Stack Overflow 33969059), Keras MLP", "{3}",
                    "    @Dense(units = 3, activation = Act.TANH) Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop1;",
                    "    @Dense(units = 2, activation = Act.TANH) Layer fc2;",
                    "    @Dropout(rate = 0.5) Layer drop2;",
                    "    @Dense(units = 1) @Softmax Layer out;")
                    .fault("softmax on a one-unit output (the source's comment: 'Softmax with 1-dim')",
                            "SingleUnitSoftmaxOutput@out|DoubleSoftmax@out")
                    .outOfScope("MSE loss on a softmax output (the loss is not part of the DSL)")
                    .finds("DoubleSoftmax@out", "SingleUnitSoftmaxOutput@out")
                    .build(),
            model("So34311586", NL + "SO Samples/34311586.py (Stack Overflow 34311586), Keras XOR MLP", "{2}",
                    "    @Dense(units = 2, activation = Act.SIGMOID) Layer fc1;",
                    "    @Dense(units = 3, activation = Act.SIGMOID) Layer fc2;",
                    "    @Dense(units = 1) @Softmax Layer out;")
                    .fault("wrong last-layer activation: softmax on one unit (the source's comment)",
                            "SingleUnitSoftmaxOutput@out|DoubleSoftmax@out")
                    .outOfScope("wrong loss input (MSE; the loss is not part of the DSL)",
                            "increasing widths (a NeuraLint heuristic Lamina does not adopt)")
                    .finds("DoubleSoftmax@out", "SingleUnitSoftmaxOutput@out")
                    .build(),
            model("So42913869", NL + "SO Samples/42913869.py (Stack Overflow 42913869), Keras regression MLP", "{1}",
                    "    @Dense(units = 10, activation = Act.RELU) Layer fc1;",
                    "    @Dense(units = 10, activation = Act.RELU) Layer fc2;",
                    "    @Dense(units = 10, activation = Act.RELU) Layer fc3;",
                    "    @Dense(units = 1) Layer out;")
                    .fault("a one-unit regression output cannot be trained by Lamina's softmax cross-entropy (from the code)",
                            "SingleUnitSoftmaxOutput@out")
                    .finds("SingleUnitSoftmaxOutput@out")
                    .build(),
            model("So45711636", NL + "SO Samples/45711636.py (Stack Overflow 45711636), Keras CNN, channels-first (1, 20, 56)",
                    "{1, 20, 56}",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU Layer conv1;",
                    "    @Dropout(rate = 0.25) Layer drop1;",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU Layer conv2;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Dropout(rate = 0.25) Layer drop2;",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU Layer conv3;",
                    "    @Conv(filters = 32) @ReLU Layer conv4;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Dropout(rate = 0.25) Layer drop3;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 1024) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop4;",
                    "    @Dense(units = 10) Layer logits;")
                    .finds("DropoutBetweenConvs@drop1", "DropoutBetweenConvs@drop2", "DropoutOnFeatureMaps@drop3", "LargeDenseHead@fc1")
                    .build(),
            model("So49117607", NL + "SO Samples/49117607.py (Stack Overflow 49117607), Keras batch-norm CNN; its input_shape is a variable, taken as (3, 64, 64)",
                    "{3, 64, 64}",
                    "    @Conv(filters = 32, kernel = 5) @BatchNorm @ReLU Layer conv1;",
                    "    @Conv(filters = 32, kernel = 5, padding = Padding.VALID) @BatchNorm @ReLU Layer conv2;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Dropout(rate = 0.25) Layer drop1;",
                    "    @Conv(filters = 64, kernel = 5, padding = Padding.VALID) @BatchNorm @ReLU Layer conv3;",
                    "    @Conv(filters = 64, kernel = 5, padding = Padding.VALID) @ReLU Layer conv4;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Dropout(rate = 0.25) Layer drop2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.25) Layer drop3;",
                    "    @Dense(units = 10) Layer logits;")
                    .finds("DropoutBeforeBatchNorm@drop1", "DropoutBetweenConvs@drop1", "DropoutOnFeatureMaps@drop2", "LargeDenseHead@fc1", "RedundantBias@conv1", "RedundantBias@conv2", "RedundantBias@conv3")
                    .build(),
            model("So50079585", NL + "SO Samples/50079585.py (Stack Overflow 50079585), Keras binary image classifier (3, 150, 150)",
                    "{3, 150, 150}",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU @MaxPool(2) Layer conv1;",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU @MaxPool(2) Layer conv2;",
                    "    @Conv(filters = 64, padding = Padding.VALID) @ReLU @MaxPool(2) Layer conv3;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 64) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop1;",
                    "    @Dense(units = 1) @Softmax Layer out;")
                    .fault("softmax on a one-unit output (the source's comment)", "SingleUnitSoftmaxOutput@out|DoubleSoftmax@out")
                    .finds("DoubleSoftmax@out", "LargeDenseHead@fc1", "SingleUnitSoftmaxOutput@out")
                    .build(),
            model("So50426349", NL + "SO Samples/50426349.py (Stack Overflow 50426349), Keras colorization CNN, kept channels-last as written",
                    "{32, 32, 1}",
                    "    @Conv(filters = 64, activation = Act.RELU) Layer conv1;",
                    "    @Conv(filters = 64, stride = 2, activation = Act.RELU) Layer conv2;",
                    "    @Conv(filters = 128, activation = Act.RELU) Layer conv3;",
                    "    @Conv(filters = 2, activation = Act.TANH) Layer out;")
                    .fault("input written channels-last, {32, 32, 1}, in a channels-first DSL (translation)",
                            "ChannelsLastInput@@Model")
                    .outOfScope("MSE loss for colorization (the loss is not part of the DSL)")
                    .finds("ChannelsLastInput@@Model")
                    .build(),
            model("So50555434", NL + "SO Samples/50555434.py (Stack Overflow 50555434), Keras MLP with a sigmoid output and MAE loss",
                    "{28}",
                    "    @Dense(units = 20, activation = Act.RELU) Layer fc1;",
                    "    @Dense(units = 15, activation = Act.RELU) Layer fc2;",
                    "    @Dense(units = 6, activation = Act.RELU) Layer fc3;",
                    "    @Dense(units = 6, activation = Act.SIGMOID) Layer out;")
                    .fault("sigmoid-bounded outputs under Lamina's softmax loss (translation; Keras trains them with MAE)",
                            "ActivationOnLogits@out")
                    .outOfScope("MAE loss (the loss is not part of the DSL)")
                    .finds("ActivationOnLogits@out")
                    .build(),
            model("So58844149", NL + "SO Samples/58844149.py (Stack Overflow 58844149), Keras AlexNet-like binary classifier (1, 300, 300)",
                    "{1, 300, 300}",
                    "    @Conv(filters = 96, kernel = 11, activation = Act.RELU) Layer conv1;",
                    "    @MaxPool(value = 3, stride = 2) Layer pool1;",
                    "    @Conv(filters = 128, activation = Act.RELU) Layer conv2;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Conv(filters = 128, activation = Act.RELU) Layer conv3;",
                    "    @MaxPool(2) Layer pool3;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 300, activation = Act.RELU) Layer fc1;",
                    "    @Dropout(rate = 0.2) Layer drop1;",
                    "    @Dense(units = 1) @Softmax Layer out;")
                    .fault("softmax on a one-unit output (from the code)", "SingleUnitSoftmaxOutput@out|DoubleSoftmax@out")
                    .outOfScope("binary cross-entropy on a softmax output (the loss is not part of the DSL)")
                    .finds("DoubleSoftmax@out", "LargeDenseHead@fc1", "SingleUnitSoftmaxOutput@out")
                    .build(),
            model("So60566498", NL + "SO Samples/60566498.py (Stack Overflow 60566498), Keras CNN, channels-first (1, 32, 32)",
                    "{1, 32, 32}",
                    "    @Conv(filters = 256) @ReLU @MaxPool(2) Layer conv1;",
                    "    @Dropout(rate = 0.2) Layer drop1;",
                    "    @Conv(filters = 256) @Dropout(rate = 0.2) @ReLU @MaxPool(2) Layer conv2;",
                    "    @Conv(filters = 256) @Dropout(rate = 0.25) @ReLU @MaxPool(2) Layer conv3;",
                    "    @Conv(filters = 256) @Dropout(rate = 0.25) @ReLU @MaxPool(2) Layer conv4;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 256) @BatchNorm @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.8) Layer drop5;",
                    "    @Dense(units = 3) Layer logits;")
                    .fault("dropout rate 0.8 before the output (from the code)", "DropoutRateHigh@drop5")
                    .finds("DropoutBeforeBatchNorm@conv2", "DropoutBeforeBatchNorm@conv3", "DropoutBeforeBatchNorm@conv4", "DropoutBeforeBatchNorm@drop1", "DropoutBetweenConvs@conv2", "DropoutBetweenConvs@conv3", "DropoutBetweenConvs@drop1", "DropoutOnFeatureMaps@conv4", "DropoutRateHigh@drop5", "RedundantBias@fc1")
                    .build(),
            // ---- NeuraLint: keras/ (Stack Overflow programs) ----
            model("So38584268", NL + "keras/38584268.py (Stack Overflow 38584268), Keras CIFAR-10 CNN, 'Bug is to forget the addition of flatten'",
                    "{3, 32, 32}",
                    "    @Conv(filters = 15, kernel = 7, activation = Act.RELU) Layer conv1;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Conv(filters = 45, kernel = 5, activation = Act.RELU) Layer conv2;",
                    "    @MaxPool(value = 4, stride = 3) Layer pool2;",
                    "    @Conv(filters = 250, kernel = 5, activation = Act.RELU) Layer conv3;",
                    "    @Dense(units = 50) @ReLU Layer fc1;",
                    "    @Dense(units = 10) Layer logits;")
                    .fault("missing flatten before the dense layer (the source's comment)", "DenseOnFeatureMap@fc1")
                    .outOfScope("kernel 6 and pool (4, 3) of the source are not square or odd; written as 5 and 4 with stride 3")
                    .finds("DenseOnFeatureMap@fc1")
                    .build(),
            model("So44322611", NL + "keras/44322611.py (Stack Overflow 44322611), Keras apple/orange CNN, channels-first (3, 224, 224)",
                    "{3, 224, 224}",
                    "    @Conv(filters = 224, kernel = 11, activation = Act.RELU) Layer conv1;",
                    "    @Dropout(rate = 0.2) Layer drop1;",
                    "    @Conv(filters = 55, kernel = 5, activation = Act.RELU) Layer conv2;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Conv(filters = 13, activation = Act.RELU) Layer conv3;",
                    "    @Dropout(rate = 0.5) Layer drop2;",
                    "    @Conv(filters = 13, activation = Act.RELU) Layer conv4;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dropout(rate = 0.2) Layer drop3;",
                    "    @Dense(units = 512, activation = Act.RELU) Layer fc1;",
                    "    @Dropout(rate = 0.2) Layer drop4;",
                    "    @Dense(units = 2) Layer logits;")
                    .outOfScope("binary cross-entropy on a 2-class softmax (the loss is not part of the DSL)",
                            "decreasing filters and kernel sizes (NeuraLint heuristics Lamina does not adopt)")
                    .finds("DropoutBetweenConvs@drop1", "DropoutBetweenConvs@drop2", "LargeDenseHead@fc1")
                    .build(),
            model("So55731589", NL + "keras/55731589.py (Stack Overflow 55731589), Keras binary CIFAR CNN, Dense(1, sigmoid)",
                    "{3, 32, 32}",
                    "    @Conv(filters = 32, padding = Padding.VALID, activation = Act.RELU) @MaxPool(2) Layer conv1;",
                    "    @Conv(filters = 64, padding = Padding.VALID, activation = Act.RELU) @MaxPool(2) Layer conv2;",
                    "    @Conv(filters = 128, padding = Padding.VALID, activation = Act.RELU) @MaxPool(2) Layer conv3;",
                    "    @Conv(filters = 128, padding = Padding.VALID, activation = Act.RELU) @MaxPool(2) Layer conv4;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512, activation = Act.RELU) Layer fc1;",
                    "    @Dense(units = 1, activation = Act.SIGMOID) Layer out;")
                    .fault("conv4's 3x3 valid kernel on the 2x2 map left by three poolings (Keras fails too: negative"
                            + " dimension)", "KernelLargerThanInput@conv4")
                    .fault("one-unit sigmoid output, Keras's binary idiom, under a softmax loss (translation); not"
                            + " reported: a model with a shape error is not linted", "SingleUnitSoftmaxOutput@out")
                    .finds("KernelLargerThanInput@conv4")
                    .build(),
            model("So56103207", NL + "keras/56103207.py (Stack Overflow 56103207), Keras 4-class CNN, kept channels-last as written",
                    "{28, 28, 1}",
                    "    @Conv(filters = 32, kernel = 5, padding = Padding.VALID, activation = Act.RELU) Layer conv1;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Conv(filters = 16, padding = Padding.VALID, activation = Act.RELU) Layer conv2;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 128, activation = Act.RELU) Layer fc1;",
                    "    @Dense(units = 64, activation = Act.RELU) Layer fc2;",
                    "    @Dense(units = 4) Layer logits;")
                    .fault("input written channels-last, {28, 28, 1} (translation)", "ChannelsLastInput@@Model")
                    .finds("ChannelsLastInput@@Model", "KernelLargerThanInput@conv1")
                    .build(),
            // ---- NeuraLint: synthetic TensorFlow LeNets (mutants of TF_lenet.py) ----
            model("TfLenet", NL + "Synthetic Samples/TF_lenet.py, the unmutated base", "{1, 28, 28}",
                    "    @Conv(filters = 32, kernel = 5, activation = Act.RELU) Layer conv1;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Conv(filters = 64, kernel = 5, activation = Act.RELU) Layer conv2;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512, activation = Act.RELU) Layer dense;",
                    "    @Dropout(rate = 0.25) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")
                    .finds("LargeDenseHead@dense")
                    .build(),
            model("TfLenetDropoutBeforeBatchnorm", NL + "Synthetic Samples/TF_lenet_dropout_before_batchnorm.py", "{1, 28, 28}",
                    "    @Conv(filters = 32, kernel = 5, bias = false, activation = Act.RELU) Layer conv1;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Dropout(rate = 0.35) Layer regConv1;",
                    "    @BatchNorm Layer conv1Norm;",
                    "    @Conv(filters = 64, kernel = 5, bias = false, activation = Act.RELU) Layer conv2;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Dropout(rate = 0.3) Layer regConv2;",
                    "    @BatchNorm Layer conv2Norm;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512, bias = false, activation = Act.RELU) Layer dense;",
                    "    @Dropout(rate = 0.25) Layer denseReg;",
                    "    @BatchNorm Layer denseNorm;",
                    "    @Dense(units = 10) Layer logits;")
                    .fault("dropout before batch norm (the mutant's name), regConv1", "DropoutBeforeBatchNorm@regConv1")
                    .fault("dropout before batch norm, regConv2", "DropoutBeforeBatchNorm@regConv2")
                    .fault("dropout before batch norm, denseReg", "DropoutBeforeBatchNorm@denseReg")
                    .finds("BatchNormAfterActivation@conv1Norm", "BatchNormAfterActivation@conv2Norm", "BatchNormAfterActivation@denseNorm", "DropoutBeforeBatchNorm@denseReg", "DropoutBeforeBatchNorm@regConv1", "DropoutBeforeBatchNorm@regConv2", "DropoutBetweenConvs@regConv1", "DropoutOnFeatureMaps@regConv2", "LargeDenseHead@dense")
                    .build(),
            model("TfLenetUselessBias", NL + "Synthetic Samples/TF_lenet_useless_bias.py", "{1, 28, 28}",
                    "    @Conv(filters = 32, kernel = 5, activation = Act.RELU) @BatchNorm Layer conv1;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Conv(filters = 64, kernel = 5, activation = Act.RELU) @BatchNorm Layer conv2;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512, activation = Act.RELU) @BatchNorm Layer dense;",
                    "    @Dropout(rate = 0.25) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")
                    .fault("bias before batch norm (the mutant's name), conv1: the batch norm sits after the activation;"
                            + " its Fix, @Conv(..., bias = false) @BatchNorm @ReLU, removes the bias", "BatchNormAfterActivation@conv1")
                    .fault("the same on conv2", "BatchNormAfterActivation@conv2")
                    .fault("the same on dense", "BatchNormAfterActivation@dense")
                    .finds("BatchNormAfterActivation@conv1", "BatchNormAfterActivation@conv2", "BatchNormAfterActivation@dense", "LargeDenseHead@dense")
                    .build(),
            model("TfLenetMissingRelus", NL + "tensorflow/TF_lenet_missing_relus.py", "{1, 28, 28}",
                    "    @Conv(filters = 32, kernel = 5) Layer conv1;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Conv(filters = 64, kernel = 5) Layer conv2;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512, activation = Act.RELU) Layer dense;",
                    "    @Dropout(rate = 0.25) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")
                    .fault("conv1 without activation (the mutant's name)", "LinearConvBeforePool@conv1")
                    .fault("conv2 without activation", "LinearConvBeforePool@conv2")
                    .finds("LargeDenseHead@dense", "LinearConvBeforePool@conv1", "LinearConvBeforePool@conv2")
                    .build(),
            model("TfLenetMixBugs1", NL + "Synthetic Samples/mix_bugs_1.py (also NeuraLint's README example)", "{1, 28, 28}",
                    "    @Conv(filters = 32, kernel = 15, padding = Padding.VALID, activation = Act.RELU) Layer conv1;",
                    "    @Dropout(rate = 0.35) Layer regConv1;",
                    "    @BatchNorm Layer conv1Norm;",
                    "    @MaxPool(value = 4, stride = 2) Layer pool1;",
                    "    @Conv(filters = 64, kernel = 7, padding = Padding.VALID, activation = Act.RELU) Layer conv2;",
                    "    @Dropout(rate = 0.3) Layer regConv2;",
                    "    @BatchNorm Layer conv2Norm;",
                    "    @MaxPool(value = 4, stride = 2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512, activation = Act.RELU) Layer dense;",
                    "    @Dropout(rate = 0.25) Layer denseReg;",
                    "    @BatchNorm Layer denseNorm;",
                    "    @Dense(units = 10) Layer logits;")
                    .fault("dropout before batch norm, regConv1 (README output)", "DropoutBeforeBatchNorm@regConv1")
                    .fault("dropout before batch norm, regConv2", "DropoutBeforeBatchNorm@regConv2")
                    .fault("dropout before batch norm, denseReg", "DropoutBeforeBatchNorm@denseReg")
                    .fault("conv2's 7x7 kernel does not fit the 6x6 map after pool1 (README: 'a processing layer should"
                            + " receive sufficient-sized feature space')", "KernelLargerThanInput@conv2")
                    .finds("KernelLargerThanInput@conv2")
                    .build(),
            // ---- UMLAUT's user-study programs ----
            model("UmlautEvalB", "UMLAUT user_eval/eval_b.py (a program of its user study), Keras CIFAR-10 CNN, channels-first",
                    "{3, 32, 32}",
                    "    @Conv(filters = 64, padding = Padding.VALID) Layer conv1;",
                    "    @Conv(filters = 64, padding = Padding.VALID) Layer conv2;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Dropout(rate = 0.2) Layer drop1;",
                    "    @Conv(filters = 128, padding = Padding.VALID) Layer conv3;",
                    "    @Conv(filters = 128, padding = Padding.VALID) Layer conv4;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Dropout(rate = 0.2) Layer drop2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 128) Layer fc1;",
                    "    @Dense(units = 128) Layer fc2;",
                    "    @Dropout(rate = 0.2) Layer drop3;",
                    "    @Dense(units = 10) Layer logits;")
                    .fault("conv1 with a linear activation (the study's planted bug)", "MissingActivation@conv1")
                    .fault("conv2 linear", "LinearConvBeforePool@conv2")
                    .fault("conv3 linear", "MissingActivation@conv3")
                    .fault("conv4 linear", "LinearConvBeforePool@conv4")
                    .fault("fc1 without activation", "MissingActivation@fc1")
                    .fault("fc2 without activation", "MissingActivation@fc2")
                    .outOfScope("negative learning rate -1e3 (the optimizer is not part of the DSL)")
                    .finds("DropoutBetweenConvs@drop1", "DropoutOnFeatureMaps@drop2", "LinearConvBeforePool@conv2", "LinearConvBeforePool@conv4", "MissingActivation@conv1", "MissingActivation@conv3", "MissingActivation@fc1", "MissingActivation@fc2")
                    .build(),
            // ---- Keras examples ----
            model("KerasMnistMlp", "Keras examples/mnist_mlp.py: Dense(512, relu), Dropout(0.2), Dense(512, relu), Dropout(0.2), Dense(10, softmax)",
                    "{784}",
                    "    @Dense(units = 512) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.2) Layer drop1;",
                    "    @Dense(units = 512) @ReLU Layer fc2;",
                    "    @Dropout(rate = 0.2) Layer drop2;",
                    "    @Dense(units = 10) Layer logits;")
                    .build(),
            model("KerasMnistCnn", "Keras examples/mnist_cnn.py, channels-first", "{1, 28, 28}", MNIST_CNN)
                    .finds("DropoutOnFeatureMaps@drop1", "LargeDenseHead@fc1")
                    .build(),
            model("KerasMnistCnnChannelsLast", "Keras examples/mnist_cnn.py translated literally: input_shape = (28, 28, 1)",
                    "{28, 28, 1}", MNIST_CNN)
                    .fault("input written channels-last (literal translation)", "ChannelsLastInput@@Model")
                    .finds("ChannelsLastInput@@Model", "KernelLargerThanInput@conv1")
                    .build(),
            model("KerasCifar10Cnn", "Keras examples/cifar10_cnn.py, channels-first", "{3, 32, 32}",
                    "    @Conv(filters = 32) @ReLU Layer conv1;",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU Layer conv2;",
                    "    @MaxPool(2) Layer pool1;",
                    "    @Dropout(rate = 0.25) Layer drop1;",
                    "    @Conv(filters = 64) @ReLU Layer conv3;",
                    "    @Conv(filters = 64, padding = Padding.VALID) @ReLU Layer conv4;",
                    "    @MaxPool(2) Layer pool2;",
                    "    @Dropout(rate = 0.25) Layer drop2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 512) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop3;",
                    "    @Dense(units = 10) Layer logits;")
                    .finds("DropoutBetweenConvs@drop1", "DropoutOnFeatureMaps@drop2", "LargeDenseHead@fc1")
                    .build(),
            model("KerasBinarySigmoid", "Chollet, Deep Learning with Python (2017), 3.4, the IMDB classifier: Dense(16, relu), Dense(16, relu), Dense(1, sigmoid) on 10,000 bag-of-words features",
                    "{10000}",
                    "    @Dense(units = 16, activation = Act.RELU) Layer fc1;",
                    "    @Dense(units = 16, activation = Act.RELU) Layer fc2;",
                    "    @Dense(units = 1, activation = Act.SIGMOID) Layer out;")
                    .fault("one-unit sigmoid output under Lamina's softmax loss (translation)",
                            "SingleUnitSoftmaxOutput@out|ActivationOnLogits@out")
                    .finds("ActivationOnLogits@out", "SingleUnitSoftmaxOutput@out")
                    .build(),
            // ---- d2l (Dive into Deep Learning) ----
            model("D2lMlp", "d2l 5.2 'Implementation of MLPs': Flatten, Linear(784, 256), ReLU, Linear(256, 10)", "{1, 28, 28}",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 256) @ReLU Layer hidden;",
                    "    @Dense(units = 10) Layer logits;")
                    .build(),
            model("D2lLenet", "d2l 7.6 LeNet: sigmoid convolutions and average pooling", "{1, 28, 28}",
                    "    @Conv(filters = 6, kernel = 5) @Sigmoid Layer conv1;",
                    "    @AvgPool(2) Layer pool1;",
                    "    @Conv(filters = 16, kernel = 5, padding = Padding.VALID) @Sigmoid Layer conv2;",
                    "    @AvgPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 120) @Sigmoid Layer fc1;",
                    "    @Dense(units = 84) @Sigmoid Layer fc2;",
                    "    @Dense(units = 10) Layer logits;")
                    .build(),
            model("D2lBatchNormLenet", "d2l 8.5 LeNet with batch normalization (BN after each conv and dense, before the sigmoid)",
                    "{1, 28, 28}",
                    "    @Conv(filters = 6, kernel = 5, padding = Padding.VALID) @BatchNorm @Sigmoid Layer conv1;",
                    "    @AvgPool(2) Layer pool1;",
                    "    @Conv(filters = 16, kernel = 5, padding = Padding.VALID) @BatchNorm @Sigmoid Layer conv2;",
                    "    @AvgPool(2) Layer pool2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 120) @BatchNorm @Sigmoid Layer fc1;",
                    "    @Dense(units = 84) @BatchNorm @Sigmoid Layer fc2;",
                    "    @Dense(units = 10) Layer logits;")
                    .finds("RedundantBias@conv1", "RedundantBias@conv2", "RedundantBias@fc1", "RedundantBias@fc2")
                    .build(),
            model("D2lVgg11", "d2l 8.2 VGG-11 (its small variant: channels / 4), on 224x224 Fashion-MNIST", "{1, 224, 224}",
                    "    @Conv(filters = 16) @ReLU @MaxPool(2) Layer b1;",
                    "    @Conv(filters = 32) @ReLU @MaxPool(2) Layer b2;",
                    "    @Conv(filters = 64) @ReLU Layer b3a;",
                    "    @Conv(filters = 64) @ReLU @MaxPool(2) Layer b3b;",
                    "    @Conv(filters = 128) @ReLU Layer b4a;",
                    "    @Conv(filters = 128) @ReLU @MaxPool(2) Layer b4b;",
                    "    @Conv(filters = 128) @ReLU Layer b5a;",
                    "    @Conv(filters = 128) @ReLU @MaxPool(2) Layer b5b;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 4096) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop1;",
                    "    @Dense(units = 4096) @ReLU Layer fc2;",
                    "    @Dropout(rate = 0.5) Layer drop2;",
                    "    @Dense(units = 10) Layer logits;")
                    
                    .build(),
            // ---- classic architectures ----
            model("LeNet5", "LeCun et al. 1998, LeNet-5 (tanh, subsampling as average pooling; C5 as a dense layer)", "{1, 32, 32}",
                    "    @Conv(filters = 6, kernel = 5, padding = Padding.VALID) @Tanh @AvgPool(2) Layer c1;",
                    "    @Conv(filters = 16, kernel = 5, padding = Padding.VALID) @Tanh @AvgPool(2) Layer c3;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 120) @Tanh Layer c5;",
                    "    @Dense(units = 84) @Tanh Layer f6;",
                    "    @Dense(units = 10) Layer logits;")
                    .build(),
            model("AlexNet", "Krizhevsky et al. 2012, AlexNet (single tower; local response normalization left out)", "{3, 227, 227}", withHead(new String[] {
                    "    @Conv(filters = 96, kernel = 11, stride = 4, padding = Padding.VALID) @ReLU Layer conv1;",
                    "    @MaxPool(value = 3, stride = 2) Layer pool1;",
                    "    @Conv(filters = 256, kernel = 5) @ReLU Layer conv2;",
                    "    @MaxPool(value = 3, stride = 2) Layer pool2;",
                    "    @Conv(filters = 384) @ReLU Layer conv3;",
                    "    @Conv(filters = 384) @ReLU Layer conv4;",
                    "    @Conv(filters = 256) @ReLU Layer conv5;",
                    "    @MaxPool(value = 3, stride = 2) Layer pool5;"},
                    IMAGENET_HEAD))
                    .params(62_378_344) // the count usually given for AlexNet's 96-256-384-384-256 channels
                    .build(),
            model("Vgg16", "Simonyan & Zisserman 2015, VGG-16 (configuration D; Table 2: 138M parameters;"
                    + " torchvision's vgg16: 138,357,544)", "{3, 224, 224}", withHead(new String[] {
                    "    @Conv(filters = 64) @ReLU Layer c11;",
                    "    @Conv(filters = 64) @ReLU @MaxPool(2) Layer c12;",
                    "    @Conv(filters = 128) @ReLU Layer c21;",
                    "    @Conv(filters = 128) @ReLU @MaxPool(2) Layer c22;",
                    "    @Conv(filters = 256) @ReLU Layer c31;",
                    "    @Conv(filters = 256) @ReLU Layer c32;",
                    "    @Conv(filters = 256) @ReLU @MaxPool(2) Layer c33;",
                    "    @Conv(filters = 512) @ReLU Layer c41;",
                    "    @Conv(filters = 512) @ReLU Layer c42;",
                    "    @Conv(filters = 512) @ReLU @MaxPool(2) Layer c43;",
                    "    @Conv(filters = 512) @ReLU Layer c51;",
                    "    @Conv(filters = 512) @ReLU Layer c52;",
                    "    @Conv(filters = 512) @ReLU @MaxPool(2) Layer c53;"},
                    IMAGENET_HEAD))
                    .params(138_357_544)
                    .build(),
            model("ResNetCifar", "He et al. 2016, ResNet for CIFAR (section 4.2) with one basic block per stage, post-activation",
                    "{3, 32, 32}",
                    "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer stem;",
                    "    @Residual @ReLU ResBasic16 stage1;",
                    "    @Residual(projection = true) @ReLU ResDown32 stage2;",
                    "    @Residual(projection = true) @ReLU ResDown64 stage3;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")
                    .uses("ResBasic16", "{16, 32, 32}",
                            "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv1;",
                            "    @Conv(filters = 16, bias = false) @BatchNorm Layer conv2;")
                    .uses("ResDown32", "{16, 32, 32}",
                            "    @Conv(filters = 32, stride = 2, bias = false) @BatchNorm @ReLU Layer conv1;",
                            "    @Conv(filters = 32, bias = false) @BatchNorm Layer conv2;")
                    .uses("ResDown64", "{32, 16, 16}",
                            "    @Conv(filters = 64, stride = 2, bias = false) @BatchNorm @ReLU Layer conv1;",
                            "    @Conv(filters = 64, bias = false) @BatchNorm Layer conv2;")
                    .build(),
            model("WrnBlocks", "Zagoruyko & Komodakis 2016, WRN with dropout in the blocks (post-activation, two blocks of width 64)",
                    "{3, 32, 32}",
                    "    @Conv(filters = 64, bias = false) @BatchNorm @ReLU Layer stem;",
                    "    @Residual @ReLU WrnBlock64 block1;",
                    "    @Residual @ReLU WrnBlock64 block2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")
                    .uses("WrnBlock64", "{64, 32, 32}, role = Model.Role.RESIDUAL_BLOCK",
                            "    @Conv(filters = 64, bias = false) @BatchNorm @ReLU Layer conv1;",
                            "    @Dropout(rate = 0.3) Layer drop;",
                            "    @Conv(filters = 64, bias = false) @BatchNorm Layer conv2;")
                    .build(),
            model("ResNetDropoutAtBlockEnd", "the issue's composition case: ResNet blocks that end in dropout, so each dropout meets the next block's batch norm (Li et al. 2019)",
                    "{16, 16, 16}",
                    "    @Residual @ReLU DropEndBlock block1;",
                    "    @Residual @ReLU DropEndBlock block2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")
                    .uses("DropEndBlock", "{16, 16, 16}",
                            "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv1;",
                            "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv2;",
                            "    @SpatialDropout(rate = 0.1) Layer drop;")
                    .fault("dropout at the end of block1 before block2's batch norm",
                            "DropoutBeforeBatchNorm@block1|DropoutBeforeBatchNorm@DropEndBlock.drop")
                    .finds("DropoutBeforeBatchNorm@DropEndBlock.drop", "DropoutBeforeBatchNorm@block1")
                    .build(),
            model("PyTorchMnist", "PyTorch examples/mnist/main.py Net: conv, relu, conv, relu, max pool, dropout 0.25, flatten, fc 128, relu, dropout 0.5, fc 10",
                    "{1, 28, 28}",
                    "    @Conv(filters = 32, padding = Padding.VALID) @ReLU Layer conv1;",
                    "    @Conv(filters = 64, padding = Padding.VALID) @ReLU Layer conv2;",
                    "    @MaxPool(2) Layer pool;",
                    "    @Dropout(rate = 0.25) Layer dropout1;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 128) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer dropout2;",
                    "    @Dense(units = 10) Layer fc2;")
                    .finds("DropoutOnFeatureMaps@dropout1", "LargeDenseHead@fc1")
                    .build(),
            model("PyTorchMnistPoolThenRelu", "PyTorch examples (2018) mnist Net: conv, max pool, relu (ReLU after the pool)", "{1, 28, 28}",
                    "    @Conv(filters = 10, kernel = 5, padding = Padding.VALID) @MaxPool(2) @ReLU Layer conv1;",
                    "    @Conv(filters = 20, kernel = 5, padding = Padding.VALID) @SpatialDropout(rate = 0.5) @MaxPool(2) @ReLU Layer conv2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 50) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop;",
                    "    @Dense(units = 10) Layer fc2;")
                    .build());

    /** Every entry: the programs, mutants and architectures above, then {@link CorpusArchitectures#ALL}. */
    static final List<Corpus.Entry> ALL = java.util.stream.Stream.concat(PROGRAMS.stream(),
            CorpusArchitectures.ALL.stream()).toList();
}
