package com.finagent.application.admin;

import com.finagent.persistence.user.AppUser;

import java.util.List;

/** A page of accounts, newest first, and how many there are. */
public record UserPage(List<AppUser> users, int page, int size, long total) {
}
