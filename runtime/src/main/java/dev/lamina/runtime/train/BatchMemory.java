package dev.lamina.runtime.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.blocks.NamedSequentialBlock;
import java.lang.management.ManagementFactory;

/**
 * Checks, before anything is allocated, that one training batch fits the memory there is (issue 21
 * items 9 and 15): a batch larger than the training set is one batch of the whole set; its
 * examples must fit one Java array, its copies in flight the Java heap, and a training step's
 * activations (forward values kept for the backward pass and their gradients: {@value
 * #STEP_FACTOR} times every layer's outputs) the machine's physical memory. The activations are
 * counted from the block's own output shapes, child by child through sequential blocks; PyTorch
 * also needs the parameters, their gradients, Adam's moments and workspace, so the estimate is
 * below what a step takes: a refused batch could not have run, and the batch size the message
 * suggests (half of the estimate's limit) leaves room for the rest.
 */
final class BatchMemory {

    /** Bytes per value (float32). */
    private static final long FLOAT = 4;
    /** Forward values kept for backward, and their gradients. */
    static final long STEP_FACTOR = 2;
    /** Batches in memory at once in Java arrays: the one training and the ones prefetched, with slack. */
    private static final long BATCHES_IN_FLIGHT = 4;

    private BatchMemory() {}

    /**
     * The batch that will be used: {@code batchSize}, or the training set's size when smaller.
     *
     * @throws InvalidInputException with the numbers and a batch size that fits, when it does not
     */
    static int requireFits(Block block, Shape inputWithBatch, int batchSize, int trainExamples, boolean cpu) {
        int batch = Math.min(batchSize, Math.max(1, trainExamples));
        long exampleValues = inputWithBatch.slice(1).size();
        if ((long) batch * exampleValues > Integer.MAX_VALUE - 8) {
            throw refusal(batchSize, batch, "its " + batch + " examples of " + exampleValues
                    + " values do not fit one Java array", (Integer.MAX_VALUE - 8) / exampleValues);
        }
        long heap = Runtime.getRuntime().maxMemory();
        long perExampleHeap = exampleValues * FLOAT * BATCHES_IN_FLIGHT;
        if ((long) batch * perExampleHeap > heap) {
            throw refusal(batchSize, batch, "its copies in flight need " + mib((long) batch * perExampleHeap)
                    + " of the Java heap's " + mib(heap) + " (raise it with -Xmx)", heap / perExampleHeap);
        }
        if (cpu) {
            long physical = physicalMemory();
            double perExample = (double) (exampleValues + activationValues(block, inputWithBatch)) * FLOAT * STEP_FACTOR;
            if (physical > 0 && batch * perExample > physical) {
                throw refusal(batchSize, batch, "a training step needs about " + mib((long) (batch * perExample))
                        + " for the model's activations and their gradients, more than this machine's " + mib(physical) + " of memory",
                        (long) (physical / perExample));
            }
        }
        return batch;
    }

    private static InvalidInputException refusal(int asked, int batch, String why, long fits) {
        String size = asked == batch ? "batch size " + asked
                : "batch size " + asked + " (the whole training set, " + batch + " examples, in one batch)";
        return new InvalidInputException(size + " does not fit: " + why + ", so nothing was trained; use a"
                + " smaller --batch-size (at most " + Math.max(1, Math.min(fits / 2, Integer.MAX_VALUE))
                + ", e.g. " + Math.max(1, Math.min(Math.min(fits / 2, batch / 2), 512)) + ")");
    }

    /**
     * The values every layer outputs for one example of {@code inputWithBatch} (batch 1): the
     * children of sequential blocks one by one, any other block as its output.
     */
    static long activationValues(Block block, Shape inputWithBatch) {
        return activations(block, new Shape[] {new Shape(1).addAll(inputWithBatch.slice(1))});
    }

    private static long activations(Block block, Shape[] in) {
        if (block instanceof NamedSequentialBlock || block instanceof SequentialBlock) {
            long total = 0;
            Shape[] shapes = in;
            for (Block child : block.getChildren().values()) {
                total += activations(child, shapes);
                shapes = child.getOutputShapes(shapes);
            }
            return total;
        }
        long total = 0;
        for (Shape out : block.getOutputShapes(in)) {
            total += out.size();
        }
        return total;
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize(); // the container's limit where there is one (JDK 14+)
        }
        return -1;
    }

    private static String mib(long bytes) {
        return bytes >= (10L << 30) ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
