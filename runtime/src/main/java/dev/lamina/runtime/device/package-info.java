/**
 * Which device trains: {@link dev.lamina.runtime.device.DeviceChoice} parses what the user asked
 * for ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}) and resolves it against the GPUs DJL
 * sees, never falling back silently; {@link dev.lamina.runtime.device.DevicePlacement} checks after
 * the first step that the parameters really live there. See {@code docs/gpu.md}.
 */
package dev.lamina.runtime.device;
