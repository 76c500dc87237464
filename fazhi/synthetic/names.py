"""Names for the synthetic county.

石柱土家族自治县's towns and townships (乡镇、街道) give the synthetic towns
their names, 黄水镇 (the demo town) first; past the real list the towns are
numbered. Their codes are demo codes (see docs/demo.md), never the real ones.
"""

TOWN_NAMES = [
    "黄水镇",
    "南宾街道",
    "万安街道",
    "下路街道",
    "西沱镇",
    "悦崃镇",
    "临溪镇",
    "马武镇",
    "沙子镇",
    "王场镇",
    "沿溪镇",
    "龙沙镇",
    "鱼池镇",
    "三河镇",
    "大歇镇",
    "桥头镇",
    "万朝镇",
    "冷水镇",
    "黄鹤镇",
    "枫木镇",
    "黎场乡",
    "三星乡",
    "六塘乡",
    "三益乡",
    "王家乡",
    "河嘴乡",
    "石家乡",
    "中益乡",
    "洗新乡",
    "龙潭乡",
    "新乐乡",
    "金铃乡",
    "金竹乡",
]

VILLAGE_WORDS = [
    "青龙",
    "白岩",
    "石桥",
    "红星",
    "新华",
    "双河",
    "长坪",
    "大坪",
    "杉树",
    "桂花",
    "茶园",
    "柏香",
    "冷竹",
    "银杏",
    "云峰",
    "清泉",
    "高桥",
    "龙井",
    "水田",
    "坪坝",
]

SURNAMES = "谭冉马秦向陈刘黄杨周王李张彭罗谢田龙崔邓"
GIVEN = "华军芳林平勇英兰明强丽红春秀梅德成国文"


def town_name(index: int) -> str:
    """The name of the `index`-th town (0 is 黄水镇)."""
    if index < len(TOWN_NAMES):
        return TOWN_NAMES[index]
    return f"模拟{index + 1}号镇"


def village_name(town_index: int, number: int) -> str:
    """The name of a town's `number`-th village (0-based): words shifted per town,
    numbered past the word list, every tenth a 社区."""
    word = VILLAGE_WORDS[(town_index * 7 + number) % len(VILLAGE_WORDS)]
    round_ = number // len(VILLAGE_WORDS)
    suffix = "社区" if number % 10 == 0 else "村"
    return f"{word}{round_ + 1 if round_ else ''}{suffix}"


def person_name(rng) -> str:
    return rng.choice(SURNAMES) + "某" + rng.choice(GIVEN)
