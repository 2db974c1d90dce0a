/**
 * What every part of the runtime shares: {@link dev.lamina.runtime.LaminaNet}, the interface of
 * every generated Net's {@code NET} handle, and {@link dev.lamina.runtime.InvalidInputException},
 * the error for values a person typed or configured. The runtime proper lives in the sub-packages
 * ({@code descriptor}, what {@code LaminaNet.descriptor()} returns; {@code blocks}, {@code data},
 * {@code device}, {@code train}, {@code checkpoint}, {@code report}, {@code io}, {@code onnx},
 * {@code model}).
 */
package dev.lamina.runtime;
