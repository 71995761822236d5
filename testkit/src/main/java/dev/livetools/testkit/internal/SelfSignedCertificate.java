package dev.livetools.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for {@code wss://127.0.0.1}, made at startup by the JDK's own
 * {@code keytool} (the JDK has no public API to create certificates, and a dependency for test TLS is not worth
 * it). The subject alternative names cover {@code 127.0.0.1} and {@code localhost} so hostname verification passes.
 */
public final class SelfSignedCertificate {

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyStore keyStore, char[] password, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
    }

    public static SelfSignedCertificate generate() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("livetools-tls");
            Path store = dir.resolve("emulator.p12");
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            runKeytool(List.of(keytool(), "-genkeypair", "-alias", "livetools-emulator", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "2",
                    "-dname", "CN=127.0.0.1, O=LiveTools emulator", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(password),
                    "-keypass", new String(password), "-noprompt"));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password);
            }
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate("livetools-emulator");
            return new SelfSignedCertificate(keyStore, password, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("LiveEmulator: cannot create the self-signed TLS certificate: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("LiveEmulator: interrupted while creating the TLS certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String keytool() {
        Path tool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase().contains("win") ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException("LiveEmulator TLS needs keytool, not found at " + tool
                    + " (run on a full JDK, not a trimmed runtime image)");
        }
        return tool.toString();
    }

    private static void runKeytool(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).trim());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The server side: this key and certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("LiveEmulator: cannot build the TLS server context", e);
        }
    }

    /** A trust store holding only this certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("livetools-emulator", certificate);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("LiveEmulator: cannot build the trust store", e);
        }
    }

    /** A client context that trusts exactly this certificate. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("LiveEmulator: cannot build the TLS client context", e);
        }
    }
}
