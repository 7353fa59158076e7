from django.urls import path

from .views import auth, profile, two_factor, users

app_name = "accounts"
urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("keepalive/", auth.session_keepalive, name="keepalive"),
    path("two-factor/", two_factor.TwoFactorView.as_view(), name="two_factor"),
    path("two-factor/disable/", two_factor.TwoFactorDisableView.as_view(), name="two_factor_disable"),
    path("password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("password-reset/", auth.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("profile/", profile.ProfileView.as_view(), name="profile"),
    path("users/", users.UserListView.as_view(), name="user_list"),
    path("users/new/", users.UserCreateView.as_view(), name="user_create"),
    path("users/organisations/", users.OrganisationOptionsView.as_view(), name="organisation_options"),
    path("users/<int:pk>/", users.UserEditView.as_view(), name="user_edit"),
    path("users/<int:pk>/memberships/", users.MembershipAddView.as_view(), name="membership_add"),
    path(
        "users/<int:pk>/memberships/<int:membership_pk>/remove/",
        users.MembershipRemoveView.as_view(),
        name="membership_remove",
    ),
    path("users/<int:pk>/deactivate/", users.UserActionView.as_view(action="user_deactivate"), name="user_deactivate"),
    path("users/<int:pk>/reactivate/", users.UserActionView.as_view(action="user_reactivate"), name="user_reactivate"),
    path(
        "users/<int:pk>/two-factor-reset/",
        users.UserActionView.as_view(action="user_two_factor_reset"),
        name="user_two_factor_reset",
    ),
    path(
        "users/<int:pk>/invite/",
        users.UserActionView.as_view(action="user_invitation_resend"),
        name="user_invitation_resend",
    ),
]
