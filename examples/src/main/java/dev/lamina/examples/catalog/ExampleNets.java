package dev.lamina.examples.catalog;

import dev.lamina.examples.models.BatchNormConvsNet;
import dev.lamina.examples.models.BatchNormFcDropoutNet;
import dev.lamina.examples.models.DropoutBetweenConvs10Net;
import dev.lamina.examples.models.DropoutBetweenConvs20Net;
import dev.lamina.examples.models.DropoutBetweenConvs30Net;
import dev.lamina.examples.models.DropoutBetweenConvs40Net;
import dev.lamina.examples.models.DropoutBetweenConvs50Net;
import dev.lamina.examples.models.FashionClassifierNet;
import dev.lamina.examples.models.FashionCnnNet;
import dev.lamina.examples.models.FashionCnnFlatHeadNet;
import dev.lamina.examples.models.PlainNet;
import dev.lamina.examples.models.Seed001MnistCnnNet;
import dev.lamina.examples.models.Seed001MnistCnnBnNet;
import dev.lamina.examples.models.SpatialDropoutConvsNet;
import dev.lamina.runtime.LaminaNet;
import java.util.List;

/**
 * The example models the command line knows, as typed handles of their generated Nets: a model
 * missing here or renamed is a compile error, not a name that fails at run time. The processor
 * stays isolating for Gradle (each Net has one originating model class and no generated file lists
 * them all); this hand-written list is the one place that names the example models, and a class
 * not in it is still reachable by its qualified name ({@link ModelCatalog#resolve}).
 */
final class ExampleNets {

    private ExampleNets() {}

    /** The 28x28x1 models (Fashion-MNIST, MNIST), in the order {@code --help} lists them. */
    static final List<LaminaNet> MODELS_28X28 = List.of(
            FashionClassifierNet.NET, FashionCnnNet.NET, FashionCnnFlatHeadNet.NET, PlainNet.NET, DropoutBetweenConvs10Net.NET,
            DropoutBetweenConvs20Net.NET, DropoutBetweenConvs30Net.NET, DropoutBetweenConvs40Net.NET,
            DropoutBetweenConvs50Net.NET, SpatialDropoutConvsNet.NET, BatchNormConvsNet.NET,
            BatchNormFcDropoutNet.NET, Seed001MnistCnnNet.NET, Seed001MnistCnnBnNet.NET);

    /** The CIFAR-10 family (3x32x32, 10 classes), in table order. */
    static final List<LaminaNet> CIFAR10 = List.of(
            dev.lamina.examples.models.cifar.PlainNet.NET,
            dev.lamina.examples.models.cifar.DropoutBetweenConvs10Net.NET,
            dev.lamina.examples.models.cifar.DropoutBetweenConvs20Net.NET,
            dev.lamina.examples.models.cifar.DropoutBetweenConvs30Net.NET,
            dev.lamina.examples.models.cifar.DropoutBetweenConvs40Net.NET,
            dev.lamina.examples.models.cifar.DropoutBetweenConvs50Net.NET,
            dev.lamina.examples.models.cifar.SpatialDropoutConvsNet.NET,
            dev.lamina.examples.models.cifar.BatchNormConvsNet.NET,
            dev.lamina.examples.models.cifar.BatchNormFcDropoutNet.NET);

    /** The CIFAR-100 family (3x32x32, 100 classes), in table order. */
    static final List<LaminaNet> CIFAR100 = List.of(
            dev.lamina.examples.models.cifar100.PlainNet.NET,
            dev.lamina.examples.models.cifar100.DropoutBetweenConvs10Net.NET,
            dev.lamina.examples.models.cifar100.DropoutBetweenConvs20Net.NET,
            dev.lamina.examples.models.cifar100.DropoutBetweenConvs30Net.NET,
            dev.lamina.examples.models.cifar100.DropoutBetweenConvs40Net.NET,
            dev.lamina.examples.models.cifar100.DropoutBetweenConvs50Net.NET,
            dev.lamina.examples.models.cifar100.SpatialDropoutConvsNet.NET,
            dev.lamina.examples.models.cifar100.BatchNormConvsNet.NET,
            dev.lamina.examples.models.cifar100.BatchNormFcDropoutNet.NET);

    /** Residual CIFAR-10 architectures (not part of the experiment's table). */
    static final List<LaminaNet> CIFAR10_RESIDUAL = List.of(
            dev.lamina.examples.models.cifar.wrn.WideResNet16x4Net.NET);
}
