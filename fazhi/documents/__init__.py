"""Official documents shared by every capability: numbers written the way
official reports write them, Word files in the GB/T 9704-2012 layout, PDF
through LibreOffice, and town templates (docxtpl)."""
