from fazhi.accounts.models import User
from fazhi.core.demo import demo_step
from fazhi.core.roles import Role
from fazhi.regions.models import Organisation, Region

# username, role, region code (None: no region), organisation name, full name
_USERS = [
    ("sysadmin", Role.SYSADMIN, None, None, "系统管理员"),
    ("county_admin", Role.COUNTY_ADMIN, "500240000000", None, "县司法局督导员"),
    ("hs_officer", Role.TOWN_OFFICER, "500240105000", "黄水镇人民政府", "谭法治"),
    ("hs_leader", Role.TOWN_LEADER, "500240105000", "黄水镇人民政府", "马镇长"),
    ("qilong_cadre", Role.VILLAGE_CADRE, "500240105002", "七龙社区居民委员会", "冉七龙"),
    ("huangshui_cadre", Role.VILLAGE_CADRE, "500240105001", "黄水社区居民委员会", "秦黄水"),
    ("guihe_mediator", Role.MEDIATOR, "500240105002", "七龙社区贵和工作室", "向贵和"),
    ("advisor", Role.LEGAL_ADVISOR, "500240105000", None, "陈律师"),
    ("auditor", Role.AUDITOR, "500240000000", None, "审计员"),
]

DEMO_MAIL_DOMAIN = "example.org"

DEMO_USERS = [(username, Role(role).label, name) for username, role, _, _, name in _USERS]


@demo_step(order=20)
def users(context):
    for username, role, code, organisation_name, full_name in _USERS:
        if User.objects.filter(username=username).exists():
            continue
        region = Region.objects.get(code=code) if code else None
        organisation = (
            Organisation.objects.get(region__code__startswith=region.prefix, name=organisation_name)
            if organisation_name
            else None
        )
        user = User(
            username=username,
            role=role,
            region=region,
            organisation=organisation,
            full_name=full_name,
            # example.org is reserved (RFC 2606): demo mail reaches nobody
            email=f"{username}@{DEMO_MAIL_DOMAIN}",
        )
        user.set_password(context.password)
        user.full_clean()
        user.save()
        context.created_users.append(username)
    context.say(f"账号：{len(_USERS)} 个演示账号")
