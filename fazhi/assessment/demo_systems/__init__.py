"""The demo's indicator systems, written for 石柱县 2020 on the structure of the
national 示范指标体系 (leaves a township can act on). Each leaf:
(name, points, 评分标准, 佐证材料, method, metric, params)."""

from fazhi.assessment.demo_systems.town import TOWN_2020, TOWN_EXTRA
from fazhi.assessment.demo_systems.village import VILLAGE_2020

__all__ = ["TOWN_2020", "TOWN_EXTRA", "VILLAGE_2020"]
