package dev.spotter.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.FileException;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's training record: {@code <stateDir>/train-state.json}. Holds uploaded files (path, SHA-256,
 * platform id) and submissions (client token, files, job id, status, resulting model). Never a secret.
 *
 * <p>A submission is written with status {@code submitting} <em>before</em> the create request goes out, so a
 * crash between the server creating the job and the client recording it is recoverable: the next submit of the
 * same files and suffix reuses that client token and finds the job instead of creating a second one. Writes go
 * to a temporary file that is atomically moved over the old one; one writer at a time is assumed.
 */
public final class TrainState {
    public static final String FILE_NAME = "train-state.json";

    /** One submission; {@code jobId} is null while {@code status} is "submitting". */
    public record Submission(
            String clientToken,
            String suffix,
            String model,
            String trainingFileId,
            String validationFileId,
            String jobId,
            String status,
            String modelOutputName,
            String createdAt,
            String updatedAt) {}

    /** One uploaded file. */
    public record UploadedFile(String path, String sha256, long bytes, String fileId, String uploadedAt) {}

    private final Path file;
    private final List<Submission> submissions = new ArrayList<>();
    private final List<UploadedFile> files = new ArrayList<>();

    private TrainState(Path file) {
        this.file = file;
    }

    /** Loads the state (an absent file is an empty state); a corrupt file is an error naming it. */
    public static TrainState open(Path stateDir) {
        TrainState s = new TrainState(stateDir.resolve(FILE_NAME));
        if (!Files.exists(s.file)) {
            return s;
        }
        try {
            JsonNode root = Http.MAPPER.readTree(s.file.toFile());
            for (JsonNode n : root.path("submissions")) {
                s.submissions.add(Http.MAPPER.treeToValue(n, Submission.class));
            }
            for (JsonNode n : root.path("files")) {
                s.files.add(Http.MAPPER.treeToValue(n, UploadedFile.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + s.file + ": " + Http.oneLine(e.getMessage()), e);
        }
        return s;
    }

    public Path file() {
        return file;
    }

    public synchronized List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    public synchronized List<UploadedFile> files() {
        return List.copyOf(files);
    }

    public synchronized void recordFile(Path path, RemoteFile remote) {
        recordFile(path, sha(path), remote);
    }

    public synchronized void recordFile(Path path, String sha, RemoteFile remote) {
        files.removeIf(f -> f.fileId().equals(remote.id()) || f.sha256().equals(sha));
        files.add(new UploadedFile(
                path.toString(), sha, remote.bytes(), remote.id(), Instant.now().toString()));
        save();
    }

    /** A submission that was started but never recorded a job, for the same files, suffix and model. */
    public synchronized Optional<Submission> unfinished(
            String trainingFileId, String validationFileId, String suffix, String model) {
        return submissions.stream()
                .filter(s -> s.jobId() == null && "submitting".equals(s.status()))
                .filter(s -> s.trainingFileId().equals(trainingFileId)
                        && s.suffix().equals(suffix)
                        && s.model().equals(model)
                        && java.util.Objects.equals(s.validationFileId(), validationFileId))
                .findFirst();
    }

    public synchronized void begin(
            String clientToken, String suffix, String model, String trainingFileId, String validationFileId) {
        String now = Instant.now().toString();
        submissions.removeIf(s -> s.clientToken().equals(clientToken));
        submissions.add(new Submission(
                clientToken, suffix, model, trainingFileId, validationFileId, null, "submitting", null, now, now));
        save();
    }

    /** Records a job's latest state against its submission (by client token, else by job id, else appended). */
    public synchronized void recordJob(String clientToken, FineTuneJob job) {
        String now = Instant.now().toString();
        for (int i = 0; i < submissions.size(); i++) {
            Submission s = submissions.get(i);
            if ((clientToken != null && s.clientToken().equals(clientToken))
                    || job.id().equals(s.jobId())) {
                submissions.set(
                        i,
                        new Submission(
                                s.clientToken(),
                                s.suffix(),
                                s.model(),
                                s.trainingFileId(),
                                s.validationFileId(),
                                job.id(),
                                job.status().wire(),
                                job.modelOutputName() != null ? job.modelOutputName() : s.modelOutputName(),
                                s.createdAt(),
                                now));
                save();
                return;
            }
        }
        submissions.add(new Submission(
                clientToken == null ? "" : clientToken,
                job.suffix() == null ? "" : job.suffix(),
                job.model() == null ? "" : job.model(),
                job.trainingFile() == null ? "" : job.trainingFile(),
                job.validationFile(),
                job.id(),
                job.status().wire(),
                job.modelOutputName(),
                now,
                now));
        save();
    }

    /** The most recently created submission that has a job id. */
    public synchronized Optional<Submission> latestJob() {
        for (int i = submissions.size() - 1; i >= 0; i--) {
            if (submissions.get(i).jobId() != null) {
                return Optional.of(submissions.get(i));
            }
        }
        return Optional.empty();
    }

    private void save() {
        ObjectNode root = Http.MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode fa = root.putArray("files");
        files.forEach(f -> fa.add(Http.MAPPER.valueToTree(f)));
        ArrayNode sa = root.putArray("submissions");
        submissions.forEach(s -> sa.add(Http.MAPPER.valueToTree(s)));
        try {
            AtomicFile.write(
                    file,
                    Http.MAPPER
                                    .copy()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw FileException.writing(file, e);
        }
    }

    private static String sha(Path p) {
        try {
            return Hashing.sha256Hex(p);
        } catch (IOException e) {
            throw FileException.reading(p, e);
        }
    }
}
