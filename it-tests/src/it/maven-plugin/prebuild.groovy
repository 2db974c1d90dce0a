// Makes user/, a user project as README.md and docs/usage.md describe it: README's pom.xml
// (lib/Readme.groovy reads it, as readme-snippet does) with the libtorch dependency and the
// lamina-maven-plugin block of this directory's pom.xml (docs/usage.md shows both) added; a
// Shapes model on 3x16x16 colour images; and images/<class>/*.png, two classes of generated
// 16x16 PNGs (red and blue pictures), as a user's own image folder.
import javax.imageio.ImageIO
import java.awt.image.BufferedImage

def readme = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/Readme.groovy')).newInstance(new File(readme))
String pom = readme.pom()
String blocks = new File(basedir, 'pom.xml').getText('UTF-8')
def dependency = (blocks =~ /(?ms)^    <dependency>\n.*?^    <\/dependency>\n/)
def plugin = (blocks =~ /(?ms)^      <plugin>\n.*?^      <\/plugin>\n/)
assert dependency.find() && plugin.find(): 'maven-plugin/pom.xml holds the libtorch dependency and the plugin'
assert pom.contains('  </dependencies>\n') && pom.contains('    </plugins>\n'): "README's pom.xml has dependencies and plugins"
pom = pom.replaceFirst('  </dependencies>\n', java.util.regex.Matcher.quoteReplacement(dependency.group(0) + '  </dependencies>\n'))
pom = pom.replaceFirst('    </plugins>\n', java.util.regex.Matcher.quoteReplacement(plugin.group(0) + '    </plugins>\n'))

File user = new File(basedir, 'user')
new File(user, 'src/main/java/com/example/model').mkdirs()
new File(user, 'pom.xml').setText(pom, 'UTF-8')
new File(user, 'src/main/java/com/example/model/Shapes.java').setText('''package com.example.model;

import dev.lamina.*;

/** A user's model of 16x16 colour images, two classes. */
@Model(input = {3, 16, 16})
public class Shapes {
    @Conv(filters = 8, bias = false) @BatchNorm @ReLU   Layer conv1;
    @MaxPool                                           Layer pool1;
    @GlobalAvgPool                                     Layer gap;
    @Dense(units = 2)                                  Layer logits;
}
''', 'UTF-8')

Random random = new Random(3)
['blue', 'red'].each { cls ->
    File folder = new File(user, "images/${cls}")
    folder.mkdirs()
    16.times { i ->
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB)
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int strong = 160 + random.nextInt(90)
                int weak = random.nextInt(60)
                image.setRGB(x, y, cls == 'red' ? (strong << 16 | weak) : (weak << 16 | strong))
            }
        }
        ImageIO.write(image, 'png', new File(folder, String.format('%02d.png', i)))
    }
}
return true
