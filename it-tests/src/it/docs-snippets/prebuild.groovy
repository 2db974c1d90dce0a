// Makes two user projects from the docs' own text (lib/DocSnippets.groovy), so no Java snippet of
// README.md and docs/*.md can drift from what compiles and runs:
//   ok/:    README.md's pom.xml plus what docs/usage.md tells a project that trains to add (the CPU
//           libtorch and an SLF4J provider, its ```xml blocks) and ONNX Runtime (inference.md's
//           serving snippet), the simplelogger.properties usage.md shows; every snippet but "fails"
//           and "it-test" as sources, with RunMainSnippets calling the main ones; and run/, the
//           working directory of the main snippets: a small Fashion-MNIST (its first 320 training
//           and 64 test images, as IDX files), test image 9 as test-images/7-sneaker/00009.png and
//           an image folder photos/ (two classes of drawn 64x64 colour images);
//   fails/: README.md's pom.xml and the snippets marked "fails".
def loader = new GroovyClassLoader(getClass().classLoader)
File root = new File(readme).canonicalFile.parentFile   // the repository: README.md's folder
def readmeText = loader.parseClass(new File(itSourceDir, 'lib/Readme.groovy')).newInstance(new File(readme))
def docsClass = loader.parseClass(new File(itSourceDir, 'lib/DocSnippets.groovy'))
def docs = docsClass.newInstance(root)

String usage = new File(root, 'docs/usage.md').getText('UTF-8')
def usageBlock = { String word ->
    // the page may show the same block twice (the plugin section repeats the libtorch jar): one text
    def block = (usage =~ /(?ms)^```xml\n(    <dependency>\n.*?    <\/dependency>\n)```/).findAll { it[1].contains(word) }
            .collect { it[1] }.unique()
    assert block.size() == 1: "docs/usage.md has one ```xml <dependency> block with ${word}"
    return block[0]
}
String extra = usageBlock('pytorch-native-cpu') + usageBlock('slf4j-simple') + """\
    <dependency>
      <groupId>com.microsoft.onnxruntime</groupId>
      <artifactId>onnxruntime</artifactId>
      <version>${onnxruntimeVersion}</version>
    </dependency>
"""
String pom = readmeText.pom()
assert pom.contains('  </dependencies>')
File ok = new File(basedir, 'ok')
File fails = new File(basedir, 'fails')
[ok, fails].each { it.mkdirs() }
new File(ok, 'pom.xml').setText(pom.replace('  </dependencies>', extra + '  </dependencies>'), 'UTF-8')
new File(fails, 'pom.xml').setText(pom, 'UTF-8')

docs.of('unit').each { s -> docsClass.unitFiles(s).each { name, text -> docsClass.writeSource(ok, name, text) } }
docs.of('fields').each { s -> docsClass.writeSource(ok, docsClass.placeName(s), docsClass.fieldsFile(s)) }
docs.of('main').each { s -> docsClass.writeSource(ok, docsClass.placeName(s), docsClass.mainFile(s)) }
// One JVM runs them all, in the docs' order (libtorch loads once): the only code the test adds.
docsClass.writeSource(ok, 'RunMainSnippets', "package ${docsClass.PACKAGE};\n\n" +
        "/** Runs the main snippets of the docs in order (written by docs-snippets/prebuild.groovy). */\n" +
        "public class RunMainSnippets {\n    public static void main(String[] args) throws Exception {\n" +
        docs.of('main').collect { s ->
            "        System.out.println(\"=== snippet ${s.doc}:${s.line}\");\n        ${docsClass.placeName(s)}.main(args);\n"
        }.join('') + "    }\n}\n")
// The logging set-up docs/usage.md gives an application (its ```properties block).
def logging = (usage =~ /(?ms)^```properties\n(# simplelogger\.properties.*?)^```/)
assert logging.find(): 'docs/usage.md shows a simplelogger.properties in a ```properties block'
new File(ok, 'src/main/resources').mkdirs()
new File(ok, 'src/main/resources/simplelogger.properties').setText(logging.group(1), 'UTF-8')
docs.of('fails').each { s -> docsClass.unitFiles(s).each { name, text -> docsClass.writeSource(fails, name, text) } }

// The main snippets' working directory.
File run = new File(ok, 'run')
File fashion = new File(run, 'fashion-mnist')
fashion.mkdirs()
File source = new File('/usr/share/datasets/fashion-mnist')
def subset = { String images, String labels, int count ->
    new java.io.DataInputStream(new java.util.zip.GZIPInputStream(new FileInputStream(new File(source, images)))).withCloseable { input ->
        int magic = input.readInt(); input.readInt(); int rows = input.readInt(); int cols = input.readInt()
        byte[] pixels = new byte[count * rows * cols]
        input.readFully(pixels)
        new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(new FileOutputStream(new File(fashion, images)))).withCloseable { out ->
            out.writeInt(magic); out.writeInt(count); out.writeInt(rows); out.writeInt(cols); out.write(pixels)
        }
        if (images.startsWith('t10k')) {
            // test image 9, as README's `lamina images` writes it
            def image = new java.awt.image.BufferedImage(cols, rows, java.awt.image.BufferedImage.TYPE_BYTE_GRAY)
            image.raster.setDataElements(0, 0, cols, rows, java.util.Arrays.copyOfRange(pixels, 9 * rows * cols, 10 * rows * cols))
            File png = new File(run, 'test-images/7-sneaker/00009.png')
            png.parentFile.mkdirs()
            javax.imageio.ImageIO.write(image, 'png', png)
        }
    }
    new java.io.DataInputStream(new java.util.zip.GZIPInputStream(new FileInputStream(new File(source, labels)))).withCloseable { input ->
        int magic = input.readInt(); input.readInt()
        byte[] values = new byte[count]
        input.readFully(values)
        new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(new FileOutputStream(new File(fashion, labels)))).withCloseable { out ->
            out.writeInt(magic); out.writeInt(count); out.write(values)
        }
    }
}
subset('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 320)
subset('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 64)
System.setProperty('java.awt.headless', 'true')
def random = new Random(42)
['circle', 'square'].each { shape ->
    File dir = new File(run, "photos/${shape}")
    dir.mkdirs()
    (0..<10).each { i ->
        def image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB)
        def g = image.createGraphics()
        g.color = new java.awt.Color(random.nextInt(256), random.nextInt(256), random.nextInt(256))
        int size = 20 + random.nextInt(30), x = random.nextInt(64 - size), y = random.nextInt(64 - size)
        if (shape == 'circle') g.fillOval(x, y, size, size) else g.fillRect(x, y, size, size)
        g.dispose()
        javax.imageio.ImageIO.write(image, 'png', new File(dir, String.format('%04d.png', i)))
    }
}
return true
