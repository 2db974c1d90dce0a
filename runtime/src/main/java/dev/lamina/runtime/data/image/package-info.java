/**
 * Images as training data: {@link dev.lamina.runtime.data.image.ImageConversion} turns one PNG or
 * JPEG into a model's (C, H, W) floats; {@link dev.lamina.runtime.data.image.ImageFolders} reads a
 * folder of class sub-folders into {@link dev.lamina.runtime.data.image.ImageFolderSet}s that decode
 * their files while training (and {@link dev.lamina.runtime.data.image.ImageFolderRun} records how a
 * run read one); {@link dev.lamina.runtime.data.image.ImageFolderExport} writes grey or RGB
 * sets as such a folder. See docs/data.md.
 */
package dev.lamina.runtime.data.image;
