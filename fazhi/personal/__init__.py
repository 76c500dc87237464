"""Personal data: validation, encryption at rest and masking on screen.

Used by every model that keeps an ID card number or a phone number. Reads of
the full value are logged through `fazhi.audit.services.personal_data_viewed`.
"""

from fazhi.personal.fields import EncryptedCharField
from fazhi.personal.masking import mask_id_number, mask_phone
from fazhi.personal.validators import validate_id_number, validate_phone

__all__ = [
    "EncryptedCharField",
    "mask_id_number",
    "mask_phone",
    "validate_id_number",
    "validate_phone",
]
