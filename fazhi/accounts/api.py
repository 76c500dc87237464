"""/api/v1/auth/…: obtain, list, revoke API tokens, and log out a token.

POST /api/v1/auth/token/ (username, password, optional name) answers the key
once; GET /api/v1/auth/tokens/ lists the caller's tokens (the system
administrator: everyone's); DELETE /api/v1/auth/tokens/<id>/ revokes one;
POST /api/v1/auth/logout/ revokes the token the request carries.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.urls import path
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from fazhi.accounts.models import ApiToken
from fazhi.accounts.services import api_token_create, api_token_revoke


class TokenSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    state = serializers.CharField(source="state_label", read_only=True)

    class Meta:
        model = ApiToken
        fields = [
            "id",
            "name",
            "prefix",
            "username",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
            "state",
        ]


class ObtainSerializer(AuthTokenSerializer):
    name = serializers.CharField(required=False, allow_blank=True, max_length=60)


@extend_schema(
    request=ObtainSerializer,
    responses=inline_serializer(
        "IssuedToken",
        {
            "token": serializers.CharField(),
            "id": serializers.IntegerField(),
            "expires_at": serializers.DateTimeField(),
        },
    ),
)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
def obtain_token(request):
    """用户名与密码换取一个有期限的API令牌（明文只在此返回一次）。"""
    serializer = ObtainSerializer(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    try:
        token, key = api_token_create(
            user=serializer.validated_data["user"],
            name=serializer.validated_data.get("name", ""),
            request=request,
        )
    except DjangoPermissionDenied as error:
        raise exceptions.PermissionDenied(str(error)) from None
    return Response({"token": key, "id": token.pk, "expires_at": token.expires_at})


@extend_schema(request=None, responses={204: None})
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def logout(request):
    """吊销本次请求所用的令牌。"""
    if not isinstance(request.auth, ApiToken):
        raise exceptions.ValidationError({"detail": "本请求未使用API令牌，无需吊销。"})
    api_token_revoke(token=request.auth, actor=request.user, request=request)
    return Response(status=status.HTTP_204_NO_CONTENT)


class TokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """本人的API令牌（系统管理员可查看与吊销所有人的令牌）。删除即吊销。"""

    serializer_class = TokenSerializer
    permission_classes = [IsAuthenticated]
    queryset = ApiToken.objects.select_related("user")
    filter_backends = []

    def get_queryset(self):
        tokens = super().get_queryset().for_user(self.request.user)
        user = self.request.query_params.get("user", "")
        return tokens.filter(user_id=user) if user.isdigit() else tokens

    def perform_destroy(self, instance):
        api_token_revoke(token=instance, actor=self.request.user, request=self.request)


def register(router):
    """Nothing on the router, whose viewsets each serve one capability: a person's
    own tokens belong to no capability, so their endpoints are in `urlpatterns`."""


urlpatterns = [
    path("auth/token/", obtain_token, name="api-token"),
    path("auth/logout/", logout, name="api-logout"),
    path("auth/tokens/", TokenViewSet.as_view({"get": "list"}), name="api-tokens"),
    path(
        "auth/tokens/<int:pk>/",
        TokenViewSet.as_view({"delete": "destroy"}),
        name="api-token-revoke",
    ),
]
