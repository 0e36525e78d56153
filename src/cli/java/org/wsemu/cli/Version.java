package org.wsemu.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints: the project version the build wrote into
 * {@code org/wsemu/cli/version.properties} (a filtered resource, so it is the same in the classes
 * the tests run and in the CLI jar).
 *
 * <p>Stateless and thread-safe.
 */
final class Version implements IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"wsemu " + number()};
  }

  /** The project version, for example {@code 0.1.0}. */
  static String number() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: the build writes it");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
