package com.finagent.web.admin;

import com.finagent.application.admin.UserPage;
import com.finagent.persistence.user.AppUser;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An account as admins see it; {@code sso} marks an account provisioned by single sign-on, without a password. */
public record AdminUserView(UUID id, String email, String displayName, List<String> roles, boolean sso,
                            OffsetDateTime createdAt, boolean disabled, OffsetDateTime disabledAt) {

    public static AdminUserView of(AppUser user) {
        return new AdminUserView(user.getId(), user.getEmail(), user.getDisplayName(), user.getRoles(),
                !user.isLocal(), user.getCreatedAt(), user.isDisabled(), user.getDisabledAt());
    }

    /** A page of accounts, newest first. */
    public record Page(List<AdminUserView> users, int page, int size, long total) {

        public static Page of(UserPage page) {
            return new Page(page.users().stream().map(AdminUserView::of).toList(), page.page(), page.size(),
                    page.total());
        }
    }
}
