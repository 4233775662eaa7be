package io.signaldesk.ops;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Every scheduled job of this deployment, found from its class: a bean with one {@code static JobDefinition} and one
 * {@code @Scheduled(cron = …)} method. Its cron and zone are the resolved settings ("-": off); {@link #runNow} calls the
 * scheduled method itself, so a run asked for by an operator takes the same lock and is recorded like a scheduled one.
 */
@Component
public class ScheduledJobCatalog {

    /** @param cron the resolved cron, "-" when the job is off */
    public record ScheduledJob(String name, String cron, ZoneId zone, Object bean, Method method) {

        public boolean off() {
            return cron.isBlank() || Scheduled.CRON_DISABLED.equals(cron);
        }
    }

    private final ApplicationContext context;
    private final Environment environment;
    private volatile List<ScheduledJob> jobs;

    ScheduledJobCatalog(ApplicationContext context, Environment environment) {
        this.context = context;
        this.environment = environment;
    }

    public List<ScheduledJob> all() {
        if (jobs == null) {
            jobs = find();
        }
        return jobs;
    }

    public Optional<ScheduledJob> named(String name) {
        return all().stream().filter(job -> job.name().equals(name)).findFirst();
    }

    /** Runs the job's scheduled method now, on this thread. */
    public void runNow(ScheduledJob job) {
        ReflectionUtils.makeAccessible(job.method());
        ReflectionUtils.invokeMethod(job.method(), job.bean());
    }

    private List<ScheduledJob> find() {
        List<ScheduledJob> found = new ArrayList<>();
        for (String beanName : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(beanName);
            if (type == null || !type.getPackageName().startsWith("io.signaldesk")) {
                continue;
            }
            Class<?> target = AopUtils.isAopProxy(type) ? type.getSuperclass() : type;
            List<JobDefinition> definitions = definitions(target);
            List<Method> scheduled = Arrays.stream(target.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(Scheduled.class) && !method.getAnnotation(Scheduled.class).cron().isEmpty())
                    .toList();
            if (definitions.size() == 1 && scheduled.size() == 1) {
                Scheduled schedule = scheduled.getFirst().getAnnotation(Scheduled.class);
                String zone = schedule.zone().isEmpty() ? "UTC" : environment.resolvePlaceholders(schedule.zone());
                found.add(new ScheduledJob(definitions.getFirst().name(), environment.resolvePlaceholders(schedule.cron()).trim(),
                        ZoneId.of(zone), context.getBean(beanName), scheduled.getFirst()));
            }
        }
        found.sort(Comparator.comparing(ScheduledJob::name));
        return List.copyOf(found);
    }

    private static List<JobDefinition> definitions(Class<?> type) {
        List<JobDefinition> definitions = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == JobDefinition.class) {
                ReflectionUtils.makeAccessible(field);
                definitions.add((JobDefinition) ReflectionUtils.getField(field, null));
            }
        }
        return definitions;
    }
}
