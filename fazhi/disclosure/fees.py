"""信息处理费 by 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).

A fee is charged only for excessive requests, by one of two methods:
- by count (按件计收): one applicant's requests in one calendar month: up to
  10 free; the 11th–30th 100 元 each; from the 31st on, each further band of
  10 requests costs 100 元 more per request (31–40: 200, 41–50: 300 …);
- by volume (按量计收): the pages of one request: up to 30 free; pages
  31–100 10 元 each, 101–200 20 元 each, from 201 on 40 元 each.
The office applies one method to a request: by count when the applicant's
count this month is past 10, otherwise by volume.
"""

from decimal import Decimal


def fee_by_count(nth: int) -> Decimal:
    """The fee of an applicant's `nth` request in a calendar month."""
    if nth <= 10:
        return Decimal(0)
    if nth <= 30:
        return Decimal(100)
    return Decimal(100 + 100 * ((nth - 31) // 10 + 1))


def fee_by_pages(pages: int) -> Decimal:
    bands = ((30, 0), (100, 10), (200, 20))
    total, lower = Decimal(0), 0
    for upper, price in bands:
        if pages > lower:
            total += (min(pages, upper) - lower) * price
        lower = upper
    if pages > 200:
        total += (pages - 200) * 40
    return Decimal(total)


def request_fee(request) -> Decimal:
    from fazhi.disclosure.models import InfoRequest

    same_month = (
        InfoRequest.objects.filter(
            region=request.region,
            applicant=request.applicant,
            received_on__year=request.received_on.year,
            received_on__month=request.received_on.month,
        )
        .filter(received_on__lte=request.received_on)
        .exclude(received_on=request.received_on, pk__gt=request.pk or 0)
        .count()
    )
    if same_month > 10:
        return fee_by_count(same_month)
    return fee_by_pages(request.pages)
