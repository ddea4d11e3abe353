package rv.kernel.magic;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves Maven coordinates with their runtime dependencies from Maven Central (Maven Resolver 2),
 * caching them in the local Maven repository ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}).
 */
public final class MavenResolver {
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final List<RemoteRepository> repositories;

    public MavenResolver(Path localRepository, List<String> repositoryUrls) {
        this.localRepository = localRepository;
        this.repositories = new ArrayList<>();
        for (int i = 0; i < repositoryUrls.size(); i++) {
            String url = repositoryUrls.get(i);
            repositories.add(new RemoteRepository.Builder(i == 0 ? "central" : "repo" + i, "default", url).build());
        }
    }

    public static MavenResolver defaults() {
        String local = System.getProperty("maven.repo.local");
        Path repo = local != null && !local.isBlank() ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenResolver(repo, List.of(CENTRAL));
    }

    /** The jar files of {@code coordinates} ({@code group:artifact[:ext[:classifier]]:version}) and their runtime dependencies. */
    public List<Path> resolve(List<String> coordinates) throws DependencyResolutionException {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository).build()) {
            CollectRequest collect = new CollectRequest();
            for (String c : coordinates) {
                DefaultArtifact a;
                try {
                    a = new DefaultArtifact(c);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + c + "' is not a Maven coordinate; write group:artifact:version", e);
                }
                collect.addDependency(new Dependency(a, JavaScopes.RUNTIME));
            }
            collect.setRepositories(repositories);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                if (r.getArtifact() != null && r.getArtifact().getPath() != null) jars.add(r.getArtifact().getPath());
            }
            return jars;
        } finally {
            system.shutdown();
        }
    }
}
