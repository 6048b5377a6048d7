package com.privacyplatform.dsr.review;

import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The deletion tasks whose rejection was ever put to review; any other id is 404. */
@ApplicationScoped
public class ReviewedTasks {

    private final TaskRepository tasks;
    private final Caller caller;

    public ReviewedTasks(TaskRepository tasks, Caller caller) {
        this.tasks = tasks;
        this.caller = caller;
    }

    public Uni<DsrTask> load(UUID taskId) {
        return tasks.findById(taskId).invoke(t -> caller.requireVisible(t != null && t.rejectionRequestedAt != null,
                "rejection review"));
    }
}
