package com.finagent.application.user;

import com.finagent.persistence.user.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first admins, named by configuration ({@code FINAGENT_ADMIN_EMAILS}, a comma list): an account with one of
 * these e-mails gets the {@code admin} role when it registers or signs in. Removing an e-mail from the list does not
 * take the role away; disable the account or edit its roles for that.
 */
@ApplicationScoped
public class AdminEmails {

    private Set<String> emails;

    protected AdminEmails() {
    }

    /** @param emails a comma list (Payara's MicroProfile Config cannot inject {@code Optional<List<String>>}) */
    @Inject
    public AdminEmails(@ConfigProperty(name = "finagent.admin-emails") Optional<String> emails) {
        this.emails = emails.map(list -> List.of(list.split(","))).orElse(List.of()).stream().map(AppUser::normaliseEmail)
                .filter(email -> !email.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(String email) {
        return emails.contains(AppUser.normaliseEmail(email));
    }
}
