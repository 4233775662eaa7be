package io.signaldesk.ops.jobs;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface JobRunRepository extends ListCrudRepository<JobRun, Long> {

    List<JobRun> findByJobNameOrderByStartedAtDesc(String jobName);

    @Modifying
    @Query("delete from job_run where started_at < :cutoff")
    int deleteStartedBefore(Instant cutoff);
}
