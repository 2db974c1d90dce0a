/**
 * Trains any DJL {@code Block} on {@link dev.lamina.runtime.data.LabeledImages}: {@link
 * dev.lamina.runtime.train.Trainer#fit} runs Adam on softmax cross-entropy, evaluates with
 * training off after every epoch, prints {@link dev.lamina.runtime.train.TrainingProgress
 * progress}, saves checkpoints ({@code checkpoint/}) and history files ({@code report/}), can
 * resume, and stops with a clear exception on a NaN loss or an out-of-memory device. Devices come
 * from {@code device/}.
 */
package dev.lamina.runtime.train;
