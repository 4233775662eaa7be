package io.signaldesk.status.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security for {@code /ops/**} only: the one filter chain of the application matches nothing else, so every
 * other path (the local chat page, the Telegram webhook, {@code /health}, the actuator) passes through untouched, as
 * before Spring Security was on the class path (and Spring Boot's default chain, which would guard everything, is off
 * because this one exists).
 *
 * <p>With {@code SIGNALDESK_OPS_PASSWORD}: HTTP Basic as {@code operator}, checked against the password's BCrypt hash
 * (the password itself is not kept), no session. A wrong password answers 401 and is logged with the user name and
 * the client address, never the password; {@code signaldesk.ops.login-failures} failures within a minute from one
 * address block it for {@code signaldesk.ops.login-block} (429, with {@code Retry-After}). Without it: the dashboard
 * is off (404) and the start-up log says how to turn it on. No form posts, so CSRF protection stays as it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpsSecurity {

    private static final Logger log = LoggerFactory.getLogger(OpsSecurity.class);
    static final String ROLE = "OPERATOR";

    @Bean
    BCryptPasswordEncoder opsPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    OpsPassword opsPassword(@Value("${signaldesk.ops.password:}") String configured, BCryptPasswordEncoder encoder) {
        return OpsPassword.of(configured, encoder);
    }

    /** The one user ({@code operator}, hash only); none when the dashboard is off. Also keeps Boot from generating a password. */
    @Bean
    UserDetailsService opsUsers(OpsPassword password) {
        return new InMemoryUserDetailsManager(password.hash()
                .map(hash -> List.of(User.withUsername(OpsPassword.USER).password(hash).roles(ROLE).build())).orElse(List.of()));
    }

    @Bean
    LoginAttempts opsLoginAttempts(@Value("${signaldesk.ops.login-failures:5}") int limit,
                                   @Value("${signaldesk.ops.login-block:5m}") Duration block, Clock clock) {
        return new LoginAttempts(limit, block, clock);
    }

    @Bean
    SecurityFilterChain opsFilterChain(HttpSecurity http, OpsPassword password, LoginAttempts attempts)
            throws Exception {
        http.securityMatcher("/ops", "/ops/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")));
        if (!password.on()) {
            // the controller answers 404 for every /ops path
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        AuthenticationEntryPoint entryPoint = (request, response, failure) -> refuse(request, response, failure, attempts);
        return http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
                .addFilterBefore(new Throttle(attempts), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("SignalDesk operators").authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        if (!event.getApplicationContext().getBean(OpsPassword.class).on()) {
            log.info("Operator dashboard /ops is off: set SIGNALDESK_OPS_PASSWORD to turn it on (user: operator, HTTP Basic; use HTTPS"
                    + " in front of it).");
        } else {
            log.info("Operator dashboard: /ops (user: operator, password from SIGNALDESK_OPS_PASSWORD).");
        }
    }

    /** 401, asking for the password; a wrong one is counted and logged (the user name and the address, never the password). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure,
                               LoginAttempts attempts) throws IOException {
        if (failure instanceof BadCredentialsException) {
            String address = request.getRemoteAddr();
            int recent = attempts.failed(address);
            log.warn("Operator login refused for user '{}' from {} ({} failure(s) in the last minute)", userNamed(request), address, recent);
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SignalDesk operators\", charset=\"UTF-8\"");
        plain(response, "401: the operator dashboard needs the user operator and the password set in SIGNALDESK_OPS_PASSWORD.");
    }

    /** The user name tried, cut and cleaned for the log (it is the caller's input). */
    private static String userNamed(HttpServletRequest request) {
        try {
            var token = new BasicAuthenticationConverter().convert(request);
            String name = token == null ? "" : String.valueOf(token.getName());
            name = name.replaceAll("[^\\p{Alnum}._@:-]", "?");
            return name.length() <= 40 ? name : name.substring(0, 40) + "…";
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    private static void plain(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses a blocked address before its credentials are even checked. Not a bean: it runs in the /ops chain only. */
    static final class Throttle extends OncePerRequestFilter {

        private final LoginAttempts attempts;

        Throttle(LoginAttempts attempts) {
            this.attempts = attempts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Duration blocked = attempts.blocked(request.getRemoteAddr());
            if (blocked.isZero()) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, blocked.toSeconds())));
            plain(response, "429: too many wrong operator passwords from this address; try again in " + Math.max(1, blocked.toSeconds())
                    + " s.");
        }
    }
}
