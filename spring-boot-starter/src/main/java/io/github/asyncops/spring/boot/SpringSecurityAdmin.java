package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AdminAccess;
import io.github.asyncops.jaxrs.AdminRoles;
import io.github.asyncops.jaxrs.Caller;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The application's access policy, with the admin roles also read from Spring Security: a caller
 * whose Authentication has the authority {@code ROLE} or {@code ROLE_ROLE} (Spring's role prefix)
 * of the write or read role gets that access, whatever the servlet request says; any other caller
 * gets what the application's policy decides. Every other decision is the application's policy's.
 * Used only when Spring Security is on the class path.
 */
final class SpringSecurityAdmin implements AccessPolicy {
  /** The class whose presence turns this on. */
  static final String REQUIRED = "org.springframework.security.core.context.SecurityContextHolder";

  private static final String ROLE_PREFIX = "ROLE_";

  private final AccessPolicy delegate;

  SpringSecurityAdmin(AccessPolicy delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean mayStart(Caller caller, OperationType type) {
    return delegate.mayStart(caller, type);
  }

  @Override
  public boolean maySee(Caller caller, OperationType type, OperationSnapshot operation) {
    return delegate.maySee(caller, type, operation);
  }

  @Override
  public boolean mayStop(Caller caller, OperationType type, OperationSnapshot operation) {
    return delegate.mayStop(caller, type, operation);
  }

  @Override
  public AdminAccess adminAccess(Caller caller, AdminRoles roles) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      if (has(authentication, roles.write())) {
        return AdminAccess.WRITE;
      }
      if (roles.read() != null && has(authentication, roles.read())) {
        AdminAccess other = delegate.adminAccess(caller, roles);
        return other == AdminAccess.WRITE ? other : AdminAccess.READ;
      }
    }
    return delegate.adminAccess(caller, roles);
  }

  private static boolean has(Authentication authentication, String role) {
    for (GrantedAuthority granted : authentication.getAuthorities()) {
      String authority = granted.getAuthority();
      if (role.equals(authority) || (ROLE_PREFIX + role).equals(authority)) {
        return true;
      }
    }
    return false;
  }
}
