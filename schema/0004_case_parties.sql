-- The parties' details the 12315 complaint and the 民事起诉状 ask for (issue 12). All optional: a text
-- leaves a visible blank (＿＿＿) where one is empty.
ALTER TABLE case_info ADD COLUMN claimant_address TEXT;      -- 通讯地址 / 收货地址 (place of receipt)
ALTER TABLE case_info ADD COLUMN claimant_id_number TEXT;    -- 身份证号 (court only)
ALTER TABLE case_info ADD COLUMN merchant_address TEXT;      -- 被投诉人/被告 住所地 (营业执照)
ALTER TABLE case_info ADD COLUMN merchant_credit_code TEXT;  -- 统一社会信用代码
