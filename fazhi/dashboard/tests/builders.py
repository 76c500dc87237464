from fazhi.synthetic.build import build_demo_county


def make_demo_county(cast):
    """The demo's five comparison towns with their 2016–2020 records, beside the
    cast's 黄水镇 (which gets no generated record)."""
    build_demo_county(password=cast.password, say=lambda line: None)
