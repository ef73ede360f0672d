package app.tarjim.account;

import app.tarjim.security.SignedIn;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Local accounts for Spring Security's password check: disabled and locked accounts cannot sign in. */
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = accounts.find(name).filter(a -> Account.LOCAL.equals(a.source()))
                .orElseThrow(() -> new UsernameNotFoundException("no such local account"));
        String hash = accounts.passwordHash(name).orElseThrow(() -> new UsernameNotFoundException("no password"));
        return User.withUsername(account.name())
                .password(hash)
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(accounts.instant()))
                .authorities(account.admin()
                        ? AuthorityUtils.createAuthorityList("ROLE_USER", SignedIn.ADMIN_AUTHORITY)
                        : AuthorityUtils.createAuthorityList("ROLE_USER"))
                .build();
    }
}
