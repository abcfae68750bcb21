@header
$head_left_1 || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
$head_left_2 || Độc lập - Tự do - Hạnh phúc
Số: $number || $place, ngày $date_words
@end
^KẾ HOẠCH
^$title
$preamble, $issuer_self ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ, giải pháp của $parent_short phù hợp với tình hình thực tế của $scope.
2. Phân công rõ cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành; gắn trách nhiệm người đứng đầu với kết quả thực hiện.
II. MỤC TIÊU
$targets
III. NHIỆM VỤ, GIẢI PHÁP
$tasks
IV. TỔ CHỨC THỰC HIỆN
$org
Trên đây là Kế hoạch thực hiện $parent_short của $issuer_self, yêu cầu các cơ quan, đơn vị triển khai thực hiện./.
$sign
$appendix
