package dev.lamina.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.model.OtherNet;
import dev.lamina.runtime.model.TinyNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A model's Net found by the name a person types, on a class path of theirs (the test classes: TinyNet, OtherNet). */
class NetLocatorTest {

    static Path testClasses() throws URISyntaxException {
        return Path.of(TinyNet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static NetLocator over(Path root) {
        return new NetLocator(NetLocatorTest.class.getClassLoader(), List.of(root));
    }

    @Test
    void aModelIsFoundByItsSimpleNameItsNetsNameOrEitherQualified() throws URISyntaxException {
        NetLocator locator = over(testClasses());
        assertSame(TinyNet.NET, locator.find("Tiny").orElseThrow());
        assertSame(TinyNet.NET, locator.find("TinyNet").orElseThrow());
        assertSame(OtherNet.NET, locator.find("dev.lamina.runtime.model.Other").orElseThrow());
        assertSame(OtherNet.NET, locator.find("dev.lamina.runtime.model.OtherNet").orElseThrow());
        assertEquals(Optional.empty(), locator.find("Nope"));
        // a class that is no generated Net is no model
        assertEquals(Optional.empty(), locator.find("dev.lamina.runtime.run.NetLocatorTest"));
    }

    @Test
    void anUnknownNameIsRefusedOnOneLineNamingItAndTheModelsThere() throws URISyntaxException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> over(testClasses()).require("Shapes", "target/classes"));
        assertTrue(e.getMessage().startsWith("unknown model 'Shapes': no generated Net of that name in target/classes;"
                + " its models: "), e.getMessage());
        assertTrue(e.getMessage().contains("dev.lamina.runtime.model.Other, dev.lamina.runtime.model.Tiny"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aSimpleNameIsLookedForInJarsToo(@TempDir Path dir) throws IOException, URISyntaxException {
        Path jar = dir.resolve("models.jar");
        String entry = "dev/lamina/runtime/model/TinyNet.class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             InputStream bytes = Files.newInputStream(testClasses().resolve(entry))) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        NetLocator locator = over(jar);
        assertSame(TinyNet.NET, locator.find("Tiny").orElseThrow());
        assertEquals(Optional.empty(), locator.find("Other"), "OtherNet is not in the jar");
        assertEquals(List.of("dev.lamina.runtime.model.Tiny"), locator.available());
    }
}
