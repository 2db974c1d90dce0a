/**
 * Datasets for training, as plain Java arrays (no tensors here; the trainer turns {@link
 * dev.lamina.runtime.data.Batch}es into NDArrays). Every set is an {@link
 * dev.lamina.runtime.data.ExampleSet}: in memory ({@link dev.lamina.runtime.data.LabeledImages}),
 * image files streamed from disk ({@code image/}: {@link
 * dev.lamina.runtime.data.image.ImageFolders}, {@link
 * dev.lamina.runtime.data.image.ImageConversion}), or a DJL dataset ({@link
 * dev.lamina.runtime.data.DjlDatasetExamples}).
 *
 * <ul>
 *   <li>Loading: {@link dev.lamina.runtime.data.DatasetKind} (fashion-mnist, mnist, cifar10,
 *       cifar100) gives a {@link dev.lamina.runtime.data.DatasetSource} for a directory;
 *       {@link dev.lamina.runtime.data.Datasets#load} does it in one call. Readers live in
 *       {@code idx/} and {@code cifar/}; every bad file is a
 *       {@link dev.lamina.runtime.data.DatasetException} naming the file and the problem.</li>
 *   <li>Preparing: {@link dev.lamina.runtime.data.LabeledImages#subset},
 *       {@link dev.lamina.runtime.data.DataSplits#withValidation},
 *       {@link dev.lamina.runtime.data.Normalization} (fitted on the training set),
 *       {@link dev.lamina.runtime.data.Augmentation}.</li>
 *   <li>Batching: {@link dev.lamina.runtime.data.BatchStream} yields one epoch's batches,
 *       shuffled from (seed, epoch), augmented from (seed, epoch, batch), built ahead on a
 *       background thread.</li>
 * </ul>
 */
package dev.lamina.runtime.data;
