// together/ compiles the library's blocks and the application's classifier in one javac run:
// their sources are copied there from blocks/ and app/, so there is one copy of each in the project.
['blocks', 'app'].each { module ->
    File from = new File(basedir, "${module}/src/main/java")
    from.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        File to = new File(basedir, 'together/src/main/java/' + from.toPath().relativize(file.toPath()))
        to.parentFile.mkdirs()
        to.bytes = file.bytes
    }
}
return true
