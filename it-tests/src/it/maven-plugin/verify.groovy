// Through lamina-maven-plugin, in a project made from README's pom.xml: lamina:train trained the
// user's Shapes model on their image folder (parameters from the pom's <configuration> and from
// -D) and wrote the run and its saved model; lamina:predict classified the images with it and
// wrote the CSV; lamina:export wrote the ONNX file; an unknown model name failed the build with
// one line naming it; lamina:help lists train's parameters. No SLF4J warning in any of them.
def build = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itSourceDir, 'lib/LaminaBuild.groovy')).newInstance(basedir)
File user = new File(basedir, 'user')

// build.log holds the five builds, in invoker.properties' order, each from "Scanning for projects".
List<List<String>> builds = []
build.log.readLines().each { line ->
    if (line.contains('Scanning for projects...')) builds << []
    if (!builds.isEmpty()) builds[-1] << line // the pre-build script's lines come first
}
build.check(builds.size() == 5, "five builds in build.log, found ${builds.size()}")
def ok = { int i -> builds[i].any { it.contains('BUILD SUCCESS') } }
def has = { int i, String text -> builds[i].any { it.contains(text) } }
build.check(!build.log.readLines().any { it.contains('SLF4J') }, 'no SLF4J line in the builds')

// 1. lamina:train -Dlamina.model=Shapes, with <data>images</data> and <epochs>1</epochs> from the pom
build.check(ok(0), 'lamina:train succeeds')
build.check(has(0, 'Training Shapes on folder ') && has(0, ' 1 epoch(s), batch 8,'),
        'lamina:train trains Shapes on the image folder with the pom\'s epochs and batch size')
build.check(has(0, '[INFO] Image folder ') && has(0, '2 classes: blue, red'), 'lamina:train names the folder and its classes')
build.check(has(0, '[INFO] epoch 1/1: train loss'), "the progress lines go to Maven's log")
build.check(has(0, '[INFO] Final test accuracy: '), 'lamina:train reports the test accuracy')
['runs/shapes/last.json', 'runs/shapes/best.json', 'runs/shapes/history.csv', 'runs/shapes/history.png',
 'runs/shapes/model/lamina-model.json'].each { build.expectFile(new File(user, it)) }
def saved = new groovy.json.JsonSlurper().parse(new File(user, 'runs/shapes/model/lamina-model.json'))
build.check(saved.net_class == 'com.example.model.ShapesNet' && saved.classes == ['blue', 'red'],
        "the saved model is the user's ShapesNet with the folder's classes: ${saved.net_class} ${saved.classes}")

// 2. lamina:predict
build.check(ok(1), 'lamina:predict succeeds')
build.check(has(1, 'Shapes (') && has(1, '2 classes, input (3, 16, 16); 32 image(s)'), 'lamina:predict names the model and the images')
def predicted = builds[1].findAll { it =~ /\[INFO\] \S+\/images\/(red|blue)\/\d\d\.png: (red|blue) \d\.\d{4} (red|blue) \d\.\d{4}$/ }
build.check(predicted.size() == 32, "one line per image with its top 2 classes, found ${predicted.size()}")
build.check(has(1, 'accuracy ') && has(1, 'images right; the label of each is the class its folder is named after'),
        'the accuracy over the labelled folders')
List<String> csv = new File(user, 'predictions.csv').readLines('UTF-8')
build.check(csv[0] == 'file,label,class_1,probability_1,class_2,probability_2' && csv.size() == 33,
        "predictions.csv: a header and 32 rows, found ${csv.size()} lines")

// 3. lamina:export
build.check(ok(2), 'lamina:export succeeds')
File onnx = new File(user, 'shapes.onnx')
build.expectFile(onnx)
build.check(has(2, "ONNX model Shapes written to ${onnx.path} (${onnx.length()} bytes)")
        || has(2, "ONNX model Shapes written to ") && onnx.length() > 1000, "lamina:export writes the ONNX file: ${onnx.length()} bytes")

// 4. lamina:train -Dlamina.model=Nope: a build failure, one line naming the model and the project's models
build.check(!ok(3) && has(3, 'BUILD FAILURE'), 'an unknown model fails the build')
def failure = builds[3].find { it.startsWith('[ERROR] Failed to execute goal dev.lamina:lamina-maven-plugin:') }
build.check(failure != null && failure.contains(":train (default-cli) on project my-models: unknown model 'Nope'")
        && failure.contains('its models: com.example.model.Shapes'), "one line naming the model: ${failure}")
build.check(!builds[3].any { it.contains('Exception') && !it.contains('MojoFailureException') },
        'no stack trace for a user error')

// 5. lamina:help -Ddetail -Dgoal=train lists train's parameters with their properties
build.check(ok(4), 'lamina:help succeeds')
['model', 'epochs', 'batchSize', 'lr', 'data', 'dataset', 'out', 'resume', 'limitBatches'].each { p ->
    build.check(has(4, "    ${p}") && has(4, "User property: lamina.${p}"), "lamina:help shows train's parameter ${p}")
}
println "maven-plugin: lamina:train, predict, export and help in README's project; an unknown model refused"
return true
