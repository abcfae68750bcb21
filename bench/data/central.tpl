@header
BAN CHẤP HÀNH TRUNG ƯƠNG || ĐẢNG CỘNG SẢN VIỆT NAM
* ||
Số $number || Hà Nội, ngày $date_words
@end
^$kind_upper
^của $issuer về $subject
^-----
$preamble
I. TÌNH HÌNH VÀ NGUYÊN NHÂN
Thời gian qua, công tác $topic đã được các cấp ủy, tổ chức đảng, chính quyền quan tâm lãnh đạo, chỉ đạo và đạt nhiều kết quả quan trọng. Tuy nhiên, việc tổ chức thực hiện ở một số địa phương, cơ quan còn chậm; nguồn lực đầu tư còn hạn chế; sự phối hợp giữa các cấp, các ngành có lúc chưa chặt chẽ.
II. MỤC TIÊU
$targets
III. NHIỆM VỤ, GIẢI PHÁP
$tasks
IV. TỔ CHỨC THỰC HIỆN
$org
$kind_short này được phổ biến đến chi bộ.
$sign
